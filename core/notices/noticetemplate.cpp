#include "noticetemplate.h"

#include "store/settingsstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace cobranza {

namespace {

QString tr(const char *s) { return QCoreApplication::translate("cobranza::NoticeTemplate", s); }

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([^{}]*?)\\s*\\}\\}"));
    return re;
}

} // namespace

const QStringList &NoticeTemplate::placeholders()
{
    static const QStringList names{
        QStringLiteral("SOCIO"),         QStringLiteral("SOCIO_CEDULA"),    QStringLiteral("DESTINATARIO"),
        QStringLiteral("CALIDAD"),       QStringLiteral("CREDITO"),         QStringLiteral("CUOTAS_VENCIDAS"),
        QStringLiteral("DIAS_MORA"),     QStringLiteral("VALOR_VENCIDO"),   QStringLiteral("TOTAL_A_PAGAR"),
        QStringLiteral("FECHA_LIMITE"),  QStringLiteral("AGENCIA"),         QStringLiteral("AGENCIA_DIRECCION"),
        QStringLiteral("AGENCIA_TELEFONO"), QStringLiteral("COOPERATIVA"),  QStringLiteral("FUNCIONARIO"),
        QStringLiteral("CARGO"),         QStringLiteral("CIUDAD"),          QStringLiteral("FECHA"),
        QStringLiteral("NUMERO"),
    };
    return names;
}

QStringList NoticeTemplate::fill(const QMap<QString, QString> &values) const
{
    QStringList out;
    for (const QString &p : paragraphs) {
        QString text;
        qsizetype from = 0;
        auto it = placeholderPattern().globalMatch(p);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            text += p.mid(from, m.capturedStart() - from);
            text += values.value(m.captured(1));
            from = m.capturedEnd();
        }
        text += p.mid(from);
        out.append(text);
    }
    return out;
}

std::optional<NoticeTemplate> parseNoticeTemplate(const QString &text, const QString &fileName,
                                                  QList<TemplateError> *errors)
{
    NoticeTemplate t;
    QList<TemplateError> found;
    const auto error = [&](int line, const QString &message) { found.append({fileName, line, message}); };
    const QStringList lines = text.split(u'\n');
    bool inBody = false;
    bool hasTitle = false;
    QString paragraph;
    const auto closeParagraph = [&] {
        if (!paragraph.trimmed().isEmpty())
            t.paragraphs.append(paragraph.simplified());
        paragraph.clear();
    };
    for (int i = 0; i < lines.size(); ++i) {
        const int number = i + 1;
        QString line = lines[i];
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().startsWith(u'#'))
            continue;
        if (!inBody) {
            if (line.trimmed().isEmpty())
                continue;
            if (line.trimmed() == QLatin1String("---")) {
                inBody = true;
                continue;
            }
            const qsizetype colon = line.indexOf(u':');
            const QString key = colon < 0 ? line.trimmed() : line.left(colon).trimmed();
            const QString value = colon < 0 ? QString() : line.mid(colon + 1).trimmed();
            if (key.compare(QStringLiteral("Título"), Qt::CaseInsensitive) == 0) {
                t.title = value;
                hasTitle = !value.isEmpty();
            } else if (key.compare(QStringLiteral("Plazo en días"), Qt::CaseInsensitive) == 0) {
                bool ok = false;
                const int days = value.toInt(&ok);
                if (!ok || days < 0 || days > 90)
                    error(number, tr("«Plazo en días» debe ser un número de 0 a 90, no «%1»").arg(value));
                else
                    t.payWithinDays = days;
            } else {
                error(number, tr("encabezado desconocido «%1»: use «Título:» y «Plazo en días:», y «---» antes del "
                                 "texto")
                                  .arg(key));
            }
            continue;
        }
        auto it = placeholderPattern().globalMatch(line);
        while (it.hasNext()) {
            const QString name = it.next().captured(1);
            if (!NoticeTemplate::placeholders().contains(name))
                error(number, tr("marcador desconocido {{%1}}").arg(name));
        }
        if (line.contains(QStringLiteral("{{")) != line.contains(QStringLiteral("}}"))
            || line.count(QStringLiteral("{{")) != line.count(QStringLiteral("}}")))
            error(number, tr("marcador sin cerrar: cada «{{» necesita su «}}»"));
        if (line.trimmed().isEmpty())
            closeParagraph();
        else
            paragraph += u' ' + line.trimmed();
    }
    closeParagraph();
    if (!hasTitle)
        error(1, tr("falta la línea «Título: …»"));
    if (!inBody)
        error(lines.size(), tr("falta la línea «---» que separa el encabezado del texto"));
    else if (t.paragraphs.isEmpty())
        error(lines.size(), tr("la plantilla no tiene texto después de «---»"));
    if (errors)
        *errors = found;
    if (!found.isEmpty())
        return std::nullopt;
    return t;
}

NoticeTemplates NoticeTemplates::fromSettings(const Database &db)
{
    return NoticeTemplates(SettingsStore(db).value(SettingsStore::NoticeTemplateDir, QString()));
}

QString NoticeTemplates::fileName(NoticeType type) { return noticeTypeCode(type) + QStringLiteral(".txt"); }

QString NoticeTemplates::fileFor(NoticeType type) const
{
    if (!m_overrideDir.isEmpty()) {
        const QString own = QDir(m_overrideDir).filePath(fileName(type));
        if (QFile::exists(own))
            return own;
    }
    return QStringLiteral(":/notices/") + fileName(type);
}

std::optional<NoticeTemplate> NoticeTemplates::load(NoticeType type, QList<TemplateError> *errors) const
{
    const QString path = fileFor(type);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (errors)
            *errors = {{path, 0, tr("no se pudo leer la plantilla: %1").arg(f.errorString())}};
        return std::nullopt;
    }
    return parseNoticeTemplate(QString::fromUtf8(f.readAll()), path, errors);
}

} // namespace cobranza

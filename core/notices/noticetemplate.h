#pragma once

#include "noticetype.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>

namespace cobranza {

class Database;

// The wording of one notice as the cooperative wrote it: a title, the days given to pay, and body
// paragraphs with named placeholders ({{SOCIO}}, {{VALOR_VENCIDO}}, …). Read from a text file so
// the wording changes without a rebuild.
struct NoticeTemplate
{
    QString title;
    int payWithinDays = 5;
    QStringList paragraphs; // with their {{PLACEHOLDERS}}
    bool operator==(const NoticeTemplate &) const = default;

    // Every placeholder a template may use.
    static const QStringList &placeholders();
    // The paragraphs with each placeholder replaced by its value. Every placeholder must have one.
    QStringList fill(const QMap<QString, QString> &values) const;
};

// A template file that could not be used: what is wrong and where (file and line), in Spanish.
struct TemplateError
{
    QString file;
    int line = 0;
    QString message;
    QString text() const { return QStringLiteral("%1:%2: %3").arg(file).arg(line).arg(message); }
};

// Parses a template's text: "Título:" and "Plazo en días:" header lines, a "---" line, then the
// body, paragraphs separated by blank lines; lines starting with # are comments. An unknown
// placeholder or header, or a missing title or body, is an error naming it — never printed raw.
std::optional<NoticeTemplate> parseNoticeTemplate(const QString &text, const QString &fileName,
                                                  QList<TemplateError> *errors);

// The templates in use: the cooperative's override folder (setting cooperative/notice_template_dir) when it
// holds a file for the type, else the default shipped in the program.
class NoticeTemplates final
{
public:
    explicit NoticeTemplates(QString overrideDir = {}) : m_overrideDir(std::move(overrideDir)) {}
    static NoticeTemplates fromSettings(const Database &db);

    // nullopt with the errors when the file cannot be used.
    std::optional<NoticeTemplate> load(NoticeType type, QList<TemplateError> *errors) const;
    QString fileFor(NoticeType type) const; // the path actually read
    static QString fileName(NoticeType type); // "F1TG.txt"

private:
    QString m_overrideDir;
};

} // namespace cobranza

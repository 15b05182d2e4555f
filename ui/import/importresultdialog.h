#pragma once

#include "import/portfolioimporter.h"

#include <QDialog>
#include <QStringList>

#include <functional>

class QLabel;

namespace cobranza {

// Shows what came of an import: the summary, the figures, and every message with its line, to
// copy or save for whoever fixes the file.
class ImportResultDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportResultDialog)

public:
    // Returns the path to save to, or empty when the person gave up; gets a suggested path.
    using SavePathChooser = std::function<QString(const QString &suggestedPath)>;

    explicit ImportResultDialog(ImportResult result, QWidget *parent = nullptr);

    // "cartera.csv:12: DIAS_MORA: …", errors first; warnings read "…: advertencia: …" as in the CLI.
    static QStringList messageLines(const ImportResult &result);
    QString messageText() const;
    bool saveList(const QString &path, QString *error) const; // UTF-8, one message a line
    void setSavePathChooser(SavePathChooser choose) { m_chooseSavePath = std::move(choose); }

private:
    void copyList();
    void saveListAs();

    const ImportResult m_result;
    SavePathChooser m_chooseSavePath;
    QLabel *m_note;
};

} // namespace cobranza

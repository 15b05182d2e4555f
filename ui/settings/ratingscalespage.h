#pragma once

#include "ratingscale.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace cobranza {

// «Escalas de calificación»: the versions of the days-past-due → rating scale, each for some
// segments and in force from a date; a regulator's revision is a new version, copied and edited.
class RatingScalesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RatingScalesPage)

public:
    explicit RatingScalesPage(QWidget *parent = nullptr);

    void load(const RatingScales &scales);
    RatingScales value() const { return RatingScales(m_versions); }
    bool isModified() const { return m_versions != m_loaded; }
    bool resetRequested() const { return m_resetRequested && m_versions == RatingScales::defaults().versions(); }
    void setReadOnly(bool readOnly);

    // Adds a copy of the newest version for the segments of the selected one, in force from today.
    void addVersion();

private:
    void display(const QList<RatingScaleVersion> &versions, int select);
    void showVersion(int index);
    void storeVersion();
    QString versionTitle(const RatingScaleVersion &v) const;

    QList<RatingScaleVersion> m_loaded;
    QList<RatingScaleVersion> m_versions;
    int m_current = -1;
    bool m_updating = false; // filling the editors must not write them back
    bool m_readOnly = false;
    bool m_resetRequested = false;
    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLineEdit *m_name;
    QDateEdit *m_validFrom;
    QList<QCheckBox *> m_segments; // in the order of kAllSegments
    QTableWidget *m_bands;
    QPushButton *m_reset;
};

} // namespace cobranza

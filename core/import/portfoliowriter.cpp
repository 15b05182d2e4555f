#include "portfoliowriter.h"

#include <array>

namespace cobranza {

namespace {

// yyyy-mm-dd as QDate::toString(Qt::ISODate) writes it, without a QString per date; empty outside
// the years 1-9999, where the caller falls back to Qt.
QByteArrayView isoDate(QDate date, std::array<char, 10> *out)
{
    int y = 0, m = 0, d = 0;
    date.getDate(&y, &m, &d);
    if (!date.isValid() || y < 1 || y > 9999)
        return {};
    char *p = out->data();
    const auto two = [&p](int v) {
        *p++ = static_cast<char>('0' + v / 10);
        *p++ = static_cast<char>('0' + v % 10);
    };
    two(y / 100);
    two(y % 100);
    *p++ = '-';
    two(m);
    *p++ = '-';
    two(d);
    return QByteArrayView(out->data(), out->size());
}

} // namespace

PortfolioWriter::PortfolioWriter(sqlite3 *db, qint64 snapshotId, QDate cutOff)
    : m_cutOff(cutOff.toString(Qt::ISODate).toUtf8()),
      m_snapshotId(snapshotId),
      m_member(db, "INSERT INTO members(member_number, cedula, full_name, home_address, business_address, reference, "
                   "phone, mobile, email, latitude, longitude, updated_cut_off) VALUES(?,?,?,?,?,?,?,?,?,?,?,?) "
                   "ON CONFLICT(member_number) DO UPDATE SET cedula=excluded.cedula, full_name=excluded.full_name, "
                   "home_address=excluded.home_address, business_address=excluded.business_address, "
                   "reference=excluded.reference, phone=excluded.phone, mobile=excluded.mobile, email=excluded.email, "
                   "latitude=excluded.latitude, longitude=excluded.longitude, updated_cut_off=excluded.updated_cut_off "
                   "WHERE excluded.updated_cut_off >= members.updated_cut_off"),
      m_credit(db, "INSERT INTO credits(credit_number, member_number, segment, original_amount_cents, granted_on, "
                   "term_months, purpose, economic_activity, updated_cut_off) VALUES(?,?,?,?,?,?,?,?,?) "
                   "ON CONFLICT(credit_number) DO UPDATE SET member_number=excluded.member_number, "
                   "segment=excluded.segment, original_amount_cents=excluded.original_amount_cents, "
                   "granted_on=excluded.granted_on, term_months=excluded.term_months, purpose=excluded.purpose, "
                   "economic_activity=excluded.economic_activity, updated_cut_off=excluded.updated_cut_off "
                   "WHERE excluded.updated_cut_off >= credits.updated_cut_off"),
      m_guarantor(db, "INSERT INTO guarantors(credit_number, position, cedula, full_name, address, phone, "
                      "updated_cut_off) VALUES(?,?,?,?,?,?,?) ON CONFLICT(credit_number, position) DO UPDATE SET "
                      "cedula=excluded.cedula, full_name=excluded.full_name, address=excluded.address, "
                      "phone=excluded.phone, updated_cut_off=excluded.updated_cut_off "
                      "WHERE excluded.updated_cut_off >= guarantors.updated_cut_off"),
      m_row(db, "INSERT INTO snapshot_credits(snapshot_id, credit_number, line, branch_code, officer, sector, "
                "balance_cents, installment_cents, overdue_cents, overdue_installments, due_date, days_past_due, "
                "rating, previous_rating, member_number, cedula, full_name, segment) "
                "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"),
      m_lineOf(db, "SELECT line FROM snapshot_credits WHERE snapshot_id=? AND credit_number=?")
{
}

bool PortfolioWriter::isValid() const
{
    return m_member.isValid() && m_credit.isValid() && m_guarantor.isValid() && m_row.isValid() && m_lineOf.isValid();
}

int PortfolioWriter::write(const PortfolioRecord &r)
{
    // The figures first: a credit repeated in the file fails here before touching anything else.
    const SnapshotRow &row = r.row;
    m_row.bind(1, m_snapshotId);
    m_row.bind(2, row.creditNumber);
    m_row.bind(3, r.line);
    m_row.bind(4, row.branchCode);
    m_row.bind(5, row.officer);
    m_row.bind(6, row.sector);
    m_row.bind(7, row.balance.cents());
    m_row.bind(8, row.installment.cents());
    m_row.bind(9, row.overdue.cents());
    m_row.bind(10, qint64{row.overdueInstallments});
    std::array<char, 10> date;
    if (const QByteArrayView due = isoDate(row.dueDate, &date); !due.isEmpty())
        m_row.bindUtf8(11, due);
    else
        m_row.bind(11, row.dueDate.toString(Qt::ISODate));
    m_row.bind(12, qint64{row.daysPastDue});
    m_row.bind(13, ratingCode(row.rating));
    if (row.previousRating)
        m_row.bind(14, ratingCode(*row.previousRating));
    else
        m_row.bindNull(14);
    m_row.bind(15, r.member.memberNumber);
    m_row.bind(16, r.member.cedula);
    m_row.bind(17, r.member.fullName);
    m_row.bind(18, segmentCode(r.credit.segment));
    if (const int rc = m_row.step(); rc != SQLITE_DONE)
        return rc;

    const Member &m = r.member;
    m_member.bind(1, m.memberNumber);
    m_member.bind(2, m.cedula);
    m_member.bind(3, m.fullName);
    m_member.bind(4, m.homeAddress);
    m_member.bind(5, m.businessAddress);
    m_member.bind(6, m.reference);
    m_member.bind(7, m.phone);
    m_member.bind(8, m.mobile);
    m_member.bind(9, m.email);
    if (m.latitude && m.longitude) {
        m_member.bind(10, *m.latitude);
        m_member.bind(11, *m.longitude);
    } else {
        m_member.bindNull(10);
        m_member.bindNull(11);
    }
    m_member.bindUtf8(12, m_cutOff);
    if (const int rc = m_member.step(); rc != SQLITE_DONE)
        return rc;

    const Credit &c = r.credit;
    m_credit.bind(1, c.creditNumber);
    m_credit.bind(2, c.memberNumber);
    m_credit.bind(3, segmentCode(c.segment));
    if (c.originalAmount)
        m_credit.bind(4, c.originalAmount->cents());
    else
        m_credit.bindNull(4);
    if (const QByteArrayView granted = isoDate(c.grantedOn, &date); !granted.isEmpty())
        m_credit.bindUtf8(5, granted);
    else
        m_credit.bindOrNull(5, c.grantedOn.isValid() ? c.grantedOn.toString(Qt::ISODate) : QString());
    if (c.termMonths)
        m_credit.bind(6, qint64{*c.termMonths});
    else
        m_credit.bindNull(6);
    m_credit.bind(7, c.purpose);
    m_credit.bind(8, c.economicActivity);
    m_credit.bindUtf8(9, m_cutOff);
    if (const int rc = m_credit.step(); rc != SQLITE_DONE)
        return rc;

    for (const Guarantor &g : r.guarantors) {
        m_guarantor.bind(1, c.creditNumber);
        m_guarantor.bind(2, qint64{g.position});
        m_guarantor.bind(3, g.cedula);
        m_guarantor.bind(4, g.fullName);
        m_guarantor.bind(5, g.address);
        m_guarantor.bind(6, g.phone);
        m_guarantor.bindUtf8(7, m_cutOff);
        if (const int rc = m_guarantor.step(); rc != SQLITE_DONE)
            return rc;
    }
    return SQLITE_DONE;
}

qint64 PortfolioWriter::lineOf(const QString &creditNumber)
{
    m_lineOf.bind(1, m_snapshotId);
    m_lineOf.bind(2, creditNumber);
    const qint64 line = m_lineOf.stepRow() ? m_lineOf.columnInt(0) : 0;
    m_lineOf.reset();
    return line;
}

} // namespace cobranza

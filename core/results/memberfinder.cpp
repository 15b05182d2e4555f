#include "memberfinder.h"

#include "store/rulesstore.h"
#include "textfold.h"

#include <cstring>
#include <algorithm>

namespace cobranza {

MemberFinder::MemberFinder(std::vector<PortfolioLine> lines) : m_lines(std::move(lines))
{
    m_keys.reserve(m_lines.size());
    for (const PortfolioLine &l : m_lines)
        m_keys.push_back(l.searchKey.toUtf8());
}

MemberFinder MemberFinder::newest(const Database &db, const QString &branchCode)
{
    const auto snapshot = newestSnapshot(db);
    if (!snapshot)
        return {};
    return MemberFinder(loadPortfolio(db, snapshot->cutOff, RulesStore(db).portfolioRules(), branchCode));
}

std::vector<int> MemberFinder::find(const QString &text, int limit) const
{
    const QStringList words = foldForSearch(text).split(u' ', Qt::SkipEmptyParts);
    std::vector<int> out;
    if (words.isEmpty())
        return out;
    // The longest word first: it rejects most lines before the others are looked for.
    QList<QByteArray> needles;
    for (const QString &w : words)
        needles.append(w.toUtf8());
    std::sort(needles.begin(), needles.end(), [](const QByteArray &a, const QByteArray &b) { return a.size() > b.size(); });
    for (int i = 0; i < static_cast<int>(m_keys.size()) && static_cast<int>(out.size()) < limit; ++i) {
        const QByteArray &key = m_keys[static_cast<size_t>(i)];
        if (std::all_of(needles.cbegin(), needles.cend(), [&key](const QByteArray &n) {
                return memmem(key.constData(), static_cast<size_t>(key.size()), n.constData(),
                              static_cast<size_t>(n.size()))
                       != nullptr;
            }))
            out.push_back(i);
    }
    return out;
}

} // namespace cobranza

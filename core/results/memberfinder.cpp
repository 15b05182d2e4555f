#include "memberfinder.h"

#include "store/rulesstore.h"
#include "textfold.h"

namespace cobranza {

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
    for (int i = 0; i < static_cast<int>(m_lines.size()) && static_cast<int>(out.size()) < limit; ++i) {
        const QString &key = m_lines[static_cast<size_t>(i)].searchKey;
        bool all = true;
        for (const QString &w : words)
            if (!key.contains(w)) {
                all = false;
                break;
            }
        if (all)
            out.push_back(i);
    }
    return out;
}

} // namespace cobranza

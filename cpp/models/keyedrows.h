#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <algorithm>
#include <vector>

namespace doorstep
{

/// The rows of a list model, each with a unique key(), that turns a freshly read list
/// into the removals, moves, insertions and dataChanged that get the old one there, so a
/// view keeps its scroll position, delegates and focus across reloads. Row needs
/// `QString key() const` and `operator==`; the model declares this class a friend so it
/// can call the model's protected begin/end functions.
template <typename Row> class KeyedRows
{
public:
    int size() const { return int(m_rows.size()); }
    const Row &at(int row) const { return m_rows.at(row); }
    const QList<Row> &rows() const { return m_rows; }

    /// Makes the model's rows equal next, one change signal at a time. Keys must be unique.
    template <typename Model> void replace(Model &model, QList<Row> next)
    {
        QHash<QString, int> target;
        target.reserve(next.size());
        for (int i = 0; i < next.size(); ++i)
            target.insert(next.at(i).key(), i);

        removeMissing(model, target);
        if (!moveIntoOrder(model, next, target)) {
            // So many rows changed places (a store replaced by sync, say) that signalling
            // each move costs the view more than laying the list out afresh.
            model.beginResetModel();
            m_rows = std::move(next);
            model.endResetModel();
            return;
        }
        insertAndUpdate(model, next);
        Q_ASSERT(m_rows == next);
    }

    /// Moves beyond this many fall back to a reset (see replaceRows).
    static constexpr int maximumMoves = 64;

private:
    template <typename Model> void removeMissing(Model &model, const QHash<QString, int> &target)
    {
        for (int last = int(m_rows.size()) - 1; last >= 0; --last) {
            if (target.contains(m_rows.at(last).key()))
                continue;
            int first = last;
            while (first > 0 && !target.contains(m_rows.at(first - 1).key()))
                --first;
            model.beginRemoveRows({}, first, last);
            m_rows.remove(first, last - first + 1);
            model.endRemoveRows();
            last = first;
        }
    }

    // Rows in the longest run already in the new order stay; each other row moves once,
    // to just before the first settled row that comes after it. False when too many would.
    template <typename Model>
    bool moveIntoOrder(Model &model, const QList<Row> &next, const QHash<QString, int> &target)
    {
        std::vector<int> at(m_rows.size());
        for (int i = 0; i < m_rows.size(); ++i)
            at[i] = target.value(m_rows.at(i).key());

        std::vector<bool> settled(next.size(), false);
        for (const int kept : longestIncreasing(at))
            settled[at[kept]] = true;
        std::vector<int> toMove;
        for (const int position : at) {
            if (!settled[position])
                toMove.push_back(position);
        }
        if (int(toMove.size()) > maximumMoves)
            return false;
        std::sort(toMove.begin(), toMove.end());

        for (const int position : toMove) {
            const int from = int(std::find(at.begin(), at.end(), position) - at.begin());
            int before = int(at.size());
            for (int i = 0; i < int(at.size()); ++i) {
                if (settled[at[i]] && at[i] > position) {
                    before = i;
                    break;
                }
            }
            settled[position] = true;
            if (before == from || before == from + 1)
                continue;
            const int to = before > from ? before - 1 : before;
            model.beginMoveRows({}, from, from, {}, before);
            m_rows.move(from, to);
            const int moved = at[from];
            at.erase(at.begin() + from);
            at.insert(at.begin() + to, moved);
            model.endMoveRows();
        }
        return true;
    }

    template <typename Model> void insertAndUpdate(Model &model, const QList<Row> &next)
    {
        QSet<QString> kept;
        kept.reserve(m_rows.size());
        for (const Row &row : std::as_const(m_rows))
            kept.insert(row.key());
        for (int i = 0; i < next.size(); ++i) {
            if (kept.contains(next.at(i).key())) {
                // Every kept row is in its place by now.
                Q_ASSERT(m_rows.at(i).key() == next.at(i).key());
                if (!(m_rows.at(i) == next.at(i))) {
                    m_rows[i] = next.at(i);
                    Q_EMIT model.dataChanged(model.index(i), model.index(i));
                }
                continue;
            }
            int last = i;
            while (last + 1 < next.size() && !kept.contains(next.at(last + 1).key()))
                ++last;
            model.beginInsertRows({}, i, last);
            // The whole run at once: the rows after it move up once, not once per row
            // (a cleared search puts back thousands of rows in runs between those shown).
            m_rows.insert(i, last - i + 1, next.at(i));
            for (int j = i + 1; j <= last; ++j)
                m_rows[j] = next.at(j);
            model.endInsertRows();
            i = last;
        }
    }

    // Indexes into values of one longest strictly increasing subsequence (patience sorting).
    static std::vector<int> longestIncreasing(const std::vector<int> &values)
    {
        std::vector<int> tails; // index into values of the smallest tail of each length
        std::vector<int> previous(values.size(), -1);
        for (int i = 0; i < int(values.size()); ++i) {
            const auto slot = std::lower_bound(tails.begin(), tails.end(), values[i],
                [&values](int index, int value) { return values[index] < value; });
            if (slot != tails.begin())
                previous[i] = *(slot - 1);
            if (slot == tails.end())
                tails.push_back(i);
            else
                *slot = i;
        }
        std::vector<int> result;
        for (int i = tails.empty() ? -1 : tails.back(); i >= 0; i = previous[i])
            result.push_back(i);
        std::reverse(result.begin(), result.end());
        return result;
    }

    QList<Row> m_rows;
};

} // namespace doorstep

#include "models/keyedrows.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <catch2/catch.hpp>
#include <random>

using namespace doorstep;

namespace
{

struct Item {
    QString id;
    int value = 0;
    QString key() const { return id; }
    bool operator==(const Item &other) const { return id == other.id && value == other.value; }
};

class ItemModel : public QAbstractListModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_rows.size();
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::DisplayRole)
            return {};
        return m_rows.at(index.row()).value;
    }
    void set(QList<Item> rows) { m_rows.replace(*this, std::move(rows)); }
    const QList<Item> &rows() const { return m_rows.rows(); }

private:
    template <typename> friend class doorstep::KeyedRows;
    KeyedRows<Item> m_rows;
};

QList<Item> items(std::initializer_list<const char *> ids, int value = 0)
{
    QList<Item> list;
    for (const char *id : ids)
        list.append({ QString::fromLatin1(id), value });
    return list;
}

struct Spies {
    explicit Spies(ItemModel &model)
        : inserted(&model, &QAbstractItemModel::rowsInserted)
        , removed(&model, &QAbstractItemModel::rowsRemoved)
        , moved(&model, &QAbstractItemModel::rowsMoved)
        , changed(&model, &QAbstractItemModel::dataChanged)
        , reset(&model, &QAbstractItemModel::modelReset)
    {
    }
    QSignalSpy inserted, removed, moved, changed, reset;
};

} // namespace

TEST_CASE("Narrowing and widening a list removes and inserts runs of rows", "[models]")
{
    ItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.set(items({ "a", "b", "c", "d", "e" }));
    Spies spies(model);

    model.set(items({ "b", "e" }));
    CHECK(model.rows() == items({ "b", "e" }));
    CHECK(spies.removed.count() == 2); // "a", then "c".."d"
    CHECK(spies.reset.count() == 0);

    model.set(items({ "a", "b", "c", "d", "e" }));
    CHECK(model.rows() == items({ "a", "b", "c", "d", "e" }));
    CHECK(spies.inserted.count() == 2);
    CHECK(spies.moved.count() == 0);
    CHECK(spies.reset.count() == 0);
}

TEST_CASE("A row that changes place moves once and keeps its persistent index", "[models]")
{
    ItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.set(items({ "a", "b", "c", "d", "e" }));
    const QPersistentModelIndex first(model.index(0));
    Spies spies(model);

    QList<Item> next = items({ "b", "c", "d", "a", "e" });
    next[3].value = 7; // and its data changed
    model.set(next);
    CHECK(model.rows() == next);
    CHECK(spies.moved.count() == 1);
    CHECK(spies.changed.count() == 1);
    CHECK(spies.reset.count() == 0);
    CHECK(first.row() == 3);
}

TEST_CASE("Changed data in place is one dataChanged per row", "[models]")
{
    ItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.set(items({ "a", "b", "c" }));
    Spies spies(model);

    model.set(items({ "a", "b", "c" }, 1));
    CHECK(spies.changed.count() == 3);
    CHECK(spies.moved.count() == 0);
    CHECK(spies.inserted.count() + spies.removed.count() + spies.reset.count() == 0);

    model.set(items({ "a", "b", "c" }, 1));
    CHECK(spies.changed.count() == 3); // nothing new: no signal
}

TEST_CASE("A reordering beyond the move limit resets once", "[models]")
{
    ItemModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QList<Item> rows;
    for (int i = 0; i < 200; ++i)
        rows.append({ QString::number(i), i });
    model.set(rows);
    Spies spies(model);

    std::reverse(rows.begin(), rows.end());
    model.set(rows);
    CHECK(model.rows() == rows);
    CHECK(spies.reset.count() == 1);
}

TEST_CASE("Any old list becomes any new list, checked by the model tester", "[models]")
{
    std::mt19937 random(20261123);
    for (int round = 0; round < 300; ++round) {
        ItemModel model;
        QAbstractItemModelTester tester(
            &model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        const auto randomList = [&random, round] {
            QList<Item> list;
            std::uniform_int_distribution<int> coin(0, 2);
            for (int i = 0; i < 40; ++i) {
                if (coin(random) > 0)
                    list.append({ QString::number(i), coin(random) });
            }
            // Mostly a few rows out of place, sometimes a shuffle.
            std::uniform_int_distribution<int> swaps(0, round % 10 == 0 ? 40 : 3);
            for (int n = swaps(random); n > 0 && list.size() > 1; --n) {
                std::uniform_int_distribution<int> at(0, int(list.size()) - 1);
                list.swapItemsAt(at(random), at(random));
            }
            return list;
        };
        model.set(randomList());
        const QList<Item> next = randomList();
        model.set(next);
        REQUIRE(model.rows() == next);
    }
}

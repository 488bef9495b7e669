#include "models/caseloadmodel.h"

#include "modeltesthelpers.h"

#include <QAbstractItemModelTester>
#include <QUuid>

using namespace doorstep;

namespace
{

QStringList names(const CaseloadModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result << model.data(model.index(row), CaseloadModel::FamilyNameRole).toString();
    return result;
}

QVariant roleOf(const CaseloadModel &model, const QString &familyName, int role)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row);
        if (model.data(index, CaseloadModel::FamilyNameRole).toString() == familyName)
            return model.data(index, role);
    }
    FAIL("no family " << familyName.toStdString());
    return {};
}

} // namespace

TEST_CASE("The caseload lists the practitioner's families most urgent first", "[models]")
{
    test::SessionFixture fixture; // today is Thursday 12 March 2026
    const QString ashdown = fixture.family(QStringLiteral("Ashdown"), 10);
    fixture.family(QStringLiteral("Brightwell"), 2);
    const QString carrow = fixture.family(QStringLiteral("Carrow"), 60);
    fixture.add("person",
        { { QStringLiteral("family_id"), carrow },
            { QStringLiteral("given_name"), QStringLiteral("Rio") },
            { QStringLiteral("role"), QStringLiteral("child") } });
    fixture.add("visit",
        { { QStringLiteral("family_id"), ashdown },
            { QStringLiteral("visit_at"), QDateTime(fixture.today().addDays(-9), QTime(10, 0)) } });
    const QString theirs
        = fixture.add("family", { { QStringLiteral("family_name"), QStringLiteral("Theirs") } });
    fixture.add("allocation",
        { { QStringLiteral("family_id"), theirs },
            { QStringLiteral("practitioner_id"), QStringLiteral("practitioner-2") },
            { QStringLiteral("allocated_on"), fixture.today() } });

    CaseloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(fixture.session.get());

    CHECK(names(model)
        == QStringList(
            { QStringLiteral("Carrow"), QStringLiteral("Brightwell"), QStringLiteral("Ashdown") }));
    CHECK(model.count() == 3);
    CHECK(roleOf(model, QStringLiteral("Carrow"), CaseloadModel::NextDueTextRole).toString()
        == QStringLiteral("First contact overdue since 14 Jan"));
    CHECK(roleOf(model, QStringLiteral("Carrow"), CaseloadModel::NextDueStatusRole).toInt()
        == int(CaseloadModel::NextDueStatus::Overdue));
    CHECK(roleOf(model, QStringLiteral("Carrow"), CaseloadModel::OverdueBadgesRole).toStringList()
        == QStringList({ QStringLiteral("First contact overdue"), QStringLiteral("Goals overdue"),
            QStringLiteral("Plan overdue") }));
    CHECK(roleOf(model, QStringLiteral("Carrow"), CaseloadModel::ChildCountRole).toInt() == 1);
    CHECK(roleOf(model, QStringLiteral("Brightwell"), CaseloadModel::NextDueTextRole).toString()
        == QStringLiteral("First contact due by Fri 13 Mar"));
    CHECK(roleOf(model, QStringLiteral("Brightwell"), CaseloadModel::OverdueBadgesRole)
              .toStringList()
              .isEmpty());
    CHECK(roleOf(model, QStringLiteral("Ashdown"), CaseloadModel::NextDueTextRole).toString()
        == QStringLiteral("Goals due by Mon 30 Mar"));
}

TEST_CASE("A search narrows the caseload after a pause, by removing rows", "[models]")
{
    test::SessionFixture fixture;
    for (const char *name : { "Ashdown", "Brightwell", "Carrow", "Nash" })
        fixture.family(QString::fromLatin1(name), 5);
    CaseloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(fixture.session.get());
    REQUIRE(model.count() == 4);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    model.setSearch(QStringLiteral("as"));
    CHECK(model.count() == 4); // typing goes on: nothing read yet
    REQUIRE(removed.wait(1000));
    CHECK(names(model) == QStringList({ QStringLiteral("Ashdown"), QStringLiteral("Nash") }));
    CHECK(reset.count() == 0);
}

TEST_CASE(
    "A search looks through the caseload already read, and at once on applySearch", "[models]")
{
    test::SessionFixture fixture;
    for (const char *name : { "Ashdown", "Brightwell", "Carrow", "Nash" })
        fixture.family(QString::fromLatin1(name), 5);
    CaseloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(fixture.session.get());
    REQUIRE(model.count() == 4);
    // Written behind the session's back, so no model hears of it: searching does not read
    // the store again, reloading does.
    Store &store = *fixture.session->store();
    const auto ashford = store.apply(Change::create(QStringLiteral("family"),
        { { QStringLiteral("family_name"), QStringLiteral("Ashford") } }));
    REQUIRE(ashford.ok());
    REQUIRE(store
                .apply(Change::create(QStringLiteral("allocation"),
                    { { QStringLiteral("family_id"), *ashford },
                        { QStringLiteral("practitioner_id"), QStringLiteral("practitioner-1") },
                        { QStringLiteral("allocated_on"), fixture.today().addDays(-5) } }))
                .ok());

    model.setSearch(QStringLiteral(" ASH "));
    model.applySearch();
    CHECK(names(model) == QStringList({ QStringLiteral("Ashdown"), QStringLiteral("Nash") }));
    model.setSearch({});
    model.applySearch();
    CHECK(names(model)
        == QStringList({ QStringLiteral("Ashdown"), QStringLiteral("Brightwell"),
            QStringLiteral("Carrow"), QStringLiteral("Nash") }));

    model.reload();
    CHECK(names(model)
        == QStringList({ QStringLiteral("Ashdown"), QStringLiteral("Ashford"),
            QStringLiteral("Brightwell"), QStringLiteral("Carrow"), QStringLiteral("Nash") }));
}

TEST_CASE("A visit recorded through the session moves its family without a reset", "[models]")
{
    test::SessionFixture fixture;
    const QString ashdown = fixture.family(QStringLiteral("Ashdown"), 10);
    fixture.family(QStringLiteral("Brightwell"), 2);
    CaseloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(fixture.session.get());
    REQUIRE(
        names(model) == QStringList({ QStringLiteral("Ashdown"), QStringLiteral("Brightwell") }));
    const QPersistentModelIndex ashdownRow(model.index(0));
    QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // First contact made: Ashdown's goals are next, after Brightwell's first contact.
    fixture.add("visit",
        { { QStringLiteral("family_id"), ashdown },
            { QStringLiteral("visit_at"), QDateTime(fixture.today(), QTime(9, 0)) } });

    CHECK(names(model) == QStringList({ QStringLiteral("Brightwell"), QStringLiteral("Ashdown") }));
    CHECK(moved.count() == 1);
    CHECK(changed.count() == 1);
    CHECK(reset.count() == 0);
    CHECK(ashdownRow.row() == 1);
    CHECK(model.data(ashdownRow, CaseloadModel::OverdueBadgesRole).toStringList().isEmpty());
}

TEST_CASE("Locking empties the caseload; unlocking fills it again", "[models]")
{
    test::SessionFixture fixture;
    fixture.family(QStringLiteral("Ashdown"), 1);
    CaseloadModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(fixture.session.get());
    REQUIRE(model.count() == 1);

    fixture.session->lock();
    CHECK(model.count() == 0);
    CHECK(model.errorString().isEmpty());

    fixture.unlock();
    CHECK(model.count() == 1);
}

TEST_CASE("A thousand families load in one read and a search is a handful of signals", "[models]")
{
    test::SessionFixture fixture;
    QList<Change> changes;
    for (int i = 0; i < 1000; ++i) {
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        changes.append(Change::create(QStringLiteral("family"),
            { { QStringLiteral("family_name"),
                QStringLiteral("Family %1").arg(i, 4, 10, QLatin1Char('0')) } },
            id));
        changes.append(Change::create(QStringLiteral("allocation"),
            { { QStringLiteral("family_id"), id },
                { QStringLiteral("practitioner_id"), QStringLiteral("practitioner-1") },
                { QStringLiteral("allocated_on"), fixture.today().addDays(-(i % 90)) } }));
    }
    REQUIRE(fixture.session->apply(changes).ok());
    CaseloadModel model;
    model.setSession(fixture.session.get());
    REQUIRE(model.count() == 1000);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    model.setSearch(QStringLiteral("Family 09"));
    model.reload();
    CHECK(model.count() == 100);
    model.setSearch({});
    model.reload();
    CHECK(model.count() == 1000);
    // Runs of rows, not one signal per family.
    CHECK(removed.count() < 120);
    CHECK(inserted.count() < 120);
}

TEST_CASE("A covered caseload reads new records once it shows again", "[models]")
{
    test::SessionFixture fixture;
    fixture.family(QStringLiteral("Ashdown"), 1);
    CaseloadModel model;
    model.setSession(fixture.session.get());
    model.setActive(false);

    fixture.family(QStringLiteral("Brightwell"), 1);
    CHECK(model.count() == 1);

    model.setActive(true);
    CHECK(model.count() == 2);

    model.setActive(false);
    fixture.session->lock();
    CHECK(model.count() == 0); // locking never waits
}

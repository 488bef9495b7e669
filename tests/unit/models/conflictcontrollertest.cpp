#include "models/conflictcontroller.h"

#include "modeltesthelpers.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace doorstep;

namespace
{

const QString Worries = QStringLiteral("worries");

/// A visit whose worries were changed on this tablet and, at the same time, on another.
struct Conflicted {
    test::SessionFixture fixture;
    QString family;
    QString visit;
    int remoteOps = 0;

    explicit Conflicted(bool finalised = false)
    {
        family = fixture.family(QStringLiteral("Okafor"), 10);
        visit = fixture.add("visit",
            { { QStringLiteral("family_id"), family },
                { QStringLiteral("visit_at"), QDateTime(fixture.today(), QTime(9, 30)) },
                { Worries, QStringLiteral("Rent arrears") } });
        const QString base = currentOp(Worries);
        if (finalised) {
            REQUIRE(fixture.session
                        ->apply(Change::update(QStringLiteral("visit"), visit,
                            { { QStringLiteral("status"), QStringLiteral("final") } }))
                        .ok());
        } else {
            REQUIRE(fixture.session
                        ->apply(Change::update(QStringLiteral("visit"), visit,
                            { { Worries, QStringLiteral("Rent arrears; eviction letter") } }))
                        .ok());
        }
        pull(Worries, QStringLiteral("Rent arrears; Jan late to school"), base, 1000);
    }

    Store &store() { return *fixture.session->store(); }

    QString currentOp(const QString &field)
    {
        auto query = store().query(
            QStringLiteral("SELECT op_id FROM field_clock WHERE record_id = ? AND field = ?"));
        REQUIRE(query.ok());
        query->bind(1, visit).bind(2, field);
        auto row = query->step();
        REQUIRE(row.ok());
        REQUIRE(*row);
        return query->text(0);
    }

    /// An op from another tablet, as a sync would bring it (without telling the pages).
    void pull(const QString &field, const QString &text, const QString &replaces, qint64 laterMs)
    {
        ++remoteOps;
        const Op op { QStringLiteral("tablet-2:%1").arg(remoteOps), QStringLiteral("visit"), visit,
            field, text, Hlc(store().lastHlc().physicalMs() + laterMs, 0),
            QStringLiteral("tablet-2"),
            replaces.isEmpty() ? QStringList() : QStringList { replaces } };
        auto applied = store().applyPulled({ op }, store().pullCursor() + 1);
        INFO((applied ? QString() : applied.error().message).toStdString());
        REQUIRE(applied.ok());
    }

    QString worries()
    {
        auto query = store().query(QStringLiteral("SELECT worries FROM visits WHERE id = ?"));
        REQUIRE(query.ok());
        query->bind(1, visit);
        REQUIRE(query->step().ok());
        return query->text(0);
    }
};

} // namespace

TEST_CASE("A family's conflict versions are listed and compared side by side", "[models]")
{
    Conflicted c;
    ConflictController controller;
    QAbstractItemModelTester tester(
        controller.conflicts(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    controller.setSession(c.fixture.session.get());
    controller.setFamilyId(c.family);

    ConflictListModel *model = controller.conflicts();
    REQUIRE(model->count() == 1);
    CHECK(controller.recordCount() == 1);
    const QModelIndex row = model->index(0);
    CHECK(
        row.data(ConflictListModel::FieldLabelRole) == QStringLiteral("What are we worried about"));
    CHECK(row.data(ConflictListModel::RecordTitleRole)
              .toString()
              .startsWith(QStringLiteral("Home visit, ")));
    CHECK(row.data(ConflictListModel::MarkerTextRole)
        == QStringLiteral("Two versions of these notes — compare"));
    CHECK_FALSE(row.data(ConflictListModel::SealedRole).toBool());

    REQUIRE(controller.compare(row.data(ConflictListModel::ConflictKeyRole).toString()));
    CHECK(controller.isComparing());
    CHECK_FALSE(controller.isSealed());
    CHECK(controller.explanation().isEmpty());
    // The other tablet's edit is later, so it holds the field; this tablet's is kept.
    CHECK(controller.currentVersion().toMap().value(QStringLiteral("text"))
        == QStringLiteral("Rent arrears; Jan late to school"));
    CHECK(controller.currentVersion().toMap().value(QStringLiteral("who"))
        == QStringLiteral("On another tablet"));
    REQUIRE(controller.otherVersions().size() == 1);
    const QVariantMap mine = controller.otherVersions().first().toMap();
    CHECK(mine.value(QStringLiteral("text")) == QStringLiteral("Rent arrears; eviction letter"));
    CHECK(mine.value(QStringLiteral("who")) == QStringLiteral("You, on this tablet"));
    CHECK_FALSE(mine.value(QStringLiteral("when")).toString().isEmpty());
    CHECK(controller.mergedDraft()
        == QStringLiteral("Rent arrears; Jan late to school\n\nRent arrears; eviction letter"));

    // Another family shows none.
    controller.setFamilyId(c.fixture.family(QStringLiteral("Brightwell"), 5));
    CHECK(model->count() == 0);
    CHECK(controller.recordCount() == 0);
    CHECK_FALSE(controller.isComparing());
}

TEST_CASE("Saving a merged text resolves the conflict and tells the pages", "[models]")
{
    Conflicted c;
    ConflictController controller;
    QAbstractItemModelTester tester(
        controller.conflicts(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    controller.setSession(c.fixture.session.get());
    controller.setFamilyId(c.family);
    REQUIRE(controller.compare(
        controller.conflicts()->index(0).data(ConflictListModel::ConflictKeyRole).toString()));

    QSignalSpy removed(controller.conflicts(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(c.fixture.session.get(), &Session::recordsChanged);
    QSignalSpy resolved(&controller, &ConflictController::resolved);
    const QString merged = QStringLiteral("Rent arrears; eviction letter; Jan late to school");
    REQUIRE(controller.saveMerged(merged));
    CHECK(controller.errorString().isEmpty());
    CHECK(removed.count() == 1);
    CHECK(changed.count() == 1);
    CHECK(changed.first().first().toStringList() == QStringList { QStringLiteral("visit") });
    CHECK(resolved.count() == 1);
    CHECK(controller.conflicts()->count() == 0);
    CHECK(controller.recordCount() == 0);
    CHECK_FALSE(controller.isComparing());
    CHECK(c.worries() == merged);
    auto outbox = c.store().outbox(1000);
    REQUIRE(outbox.ok());
    CHECK(outbox->last().value == merged);
    CHECK(outbox->last().replaces.size() == 2);
}

TEST_CASE("Keeping one version as it is resolves the conflict", "[models]")
{
    Conflicted c;
    ConflictController controller;
    controller.setSession(c.fixture.session.get());
    controller.setFamilyId(c.family);
    REQUIRE(controller.compare(
        controller.conflicts()->index(0).data(ConflictListModel::ConflictKeyRole).toString()));
    const QString mine
        = controller.otherVersions().first().toMap().value(QStringLiteral("opId")).toString();
    REQUIRE(controller.keepVersion(mine));
    CHECK(c.worries() == QStringLiteral("Rent arrears; eviction letter"));
    CHECK(controller.conflicts()->count() == 0);
}

TEST_CASE("A version that arrives while comparing stops a merge of the old ones", "[models]")
{
    Conflicted c;
    ConflictController controller;
    controller.setSession(c.fixture.session.get());
    controller.setFamilyId(c.family);
    REQUIRE(controller.compare(
        controller.conflicts()->index(0).data(ConflictListModel::ConflictKeyRole).toString()));
    // A third version, concurrent with both, arrives by a sync the page has not heard of.
    c.pull(Worries, QStringLiteral("Third version"), QString(), 2000);

    CHECK_FALSE(controller.saveMerged(QStringLiteral("merged")));
    CHECK(controller.errorString().contains(QStringLiteral("Compare them again")));
    // What is shown now includes it, so the next save is of what the person saw.
    CHECK(controller.isComparing());
    CHECK(controller.otherVersions().size() == 2);
    CHECK(controller.conflicts()->index(0).data(ConflictListModel::MarkerTextRole)
        == QStringLiteral("3 versions of these notes — compare"));
    REQUIRE(controller.saveMerged(QStringLiteral("merged")));
    CHECK(c.worries() == QStringLiteral("merged"));
}

TEST_CASE("A finalised visit's late version is read or amended, never merged", "[models]")
{
    Conflicted c(true);
    ConflictController controller;
    controller.setSession(c.fixture.session.get());
    controller.setFamilyId(c.family);
    REQUIRE(controller.conflicts()->count() == 1);
    const QModelIndex row = controller.conflicts()->index(0);
    CHECK(row.data(ConflictListModel::SealedRole).toBool());
    CHECK(row.data(ConflictListModel::MarkerTextRole)
        == QStringLiteral("A change arrived after this visit was finalised — read it"));
    REQUIRE(controller.compare(row.data(ConflictListModel::ConflictKeyRole).toString()));
    CHECK(controller.isSealed());
    CHECK(controller.canAmend());
    CHECK(controller.explanation().contains(QStringLiteral("finalised")));

    CHECK_FALSE(controller.saveMerged(QStringLiteral("merged")));
    CHECK_FALSE(controller.errorString().isEmpty());
    CHECK(c.worries() == QStringLiteral("Rent arrears"));

    const QString late
        = controller.otherVersions().first().toMap().value(QStringLiteral("opId")).toString();
    QSignalSpy changed(c.fixture.session.get(), &Session::recordsChanged);
    REQUIRE(
        controller.amendWithVersion(late, QStringLiteral("Jan late to school (from tablet 2)")));
    CHECK(changed.count() == 1);
    CHECK(changed.first().first().toStringList().contains(QStringLiteral("note")));
    CHECK(controller.conflicts()->count() == 0);
    auto query = c.store().query(QStringLiteral("SELECT body FROM notes WHERE visit_id = ?"));
    REQUIRE(query.ok());
    query->bind(1, c.visit);
    auto found = query->step();
    REQUIRE(found.ok());
    REQUIRE(*found);
    CHECK(query->text(0) == QStringLiteral("Jan late to school (from tablet 2)"));
}

TEST_CASE("A finalised visit's late version can be marked read", "[models]")
{
    Conflicted c(true);
    ConflictController controller;
    controller.setSession(c.fixture.session.get());
    controller.setFamilyId(c.family);
    REQUIRE(controller.compare(
        controller.conflicts()->index(0).data(ConflictListModel::ConflictKeyRole).toString()));
    const QString late
        = controller.otherVersions().first().toMap().value(QStringLiteral("opId")).toString();
    REQUIRE(controller.dismissVersion(late));
    CHECK(controller.conflicts()->count() == 0);
    CHECK(c.worries() == QStringLiteral("Rent arrears"));
}

TEST_CASE("Locking clears the conflicts from memory", "[models]")
{
    Conflicted c;
    ConflictController controller;
    controller.setSession(c.fixture.session.get());
    controller.setFamilyId(c.family);
    REQUIRE(controller.compare(
        controller.conflicts()->index(0).data(ConflictListModel::ConflictKeyRole).toString()));
    c.fixture.session->lock();
    CHECK(controller.conflicts()->count() == 0);
    CHECK_FALSE(controller.isComparing());
    CHECK(controller.currentVersion().toMap().isEmpty());
}

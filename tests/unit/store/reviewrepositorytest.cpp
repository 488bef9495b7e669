#include "store/reviewrepository.h"

#include "storetesthelpers.h"

using namespace doorstep;

namespace
{

QString review(Store &store, const QString &family, QDate heldOn, const char *kind,
    const QString &attendees = {})
{
    auto id = store.apply(Change::create(QStringLiteral("review"),
        { { QStringLiteral("family_id"), family }, { QStringLiteral("held_on"), heldOn },
            { QStringLiteral("kind"), QString::fromLatin1(kind) },
            { QStringLiteral("attendees"), attendees } }));
    INFO((id ? QString() : id.error().message).toStdString());
    REQUIRE(id.ok());
    return *id;
}

} // namespace

TEST_CASE("A family's reviews read back newest first, from the current case", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    const QString other = test::createFamily(*store, QStringLiteral("Brightwell"));
    const QString old = review(*store, family, QDate(2025, 6, 1), "review");
    const QString first = review(
        *store, family, QDate(2026, 2, 1), "review", QStringLiteral("Ada, Bola, school nurse"));
    const QString maintenance = review(*store, family, QDate(2026, 5, 1), "maintenance");
    review(*store, other, QDate(2026, 3, 1), "review");
    const QString removed = review(*store, family, QDate(2026, 4, 1), "review");
    REQUIRE(store->apply(Change::remove(QStringLiteral("review"), removed)).ok());

    ReviewRepository reviews(*store);
    auto all = reviews.forFamily(family);
    REQUIRE(all.ok());
    REQUIRE(all->size() == 3);
    CHECK(all->at(0).id == maintenance);
    CHECK(all->at(0).kind == QStringLiteral("maintenance"));
    CHECK(all->at(1).id == first);
    CHECK(all->at(1).attendees == QStringLiteral("Ada, Bola, school nurse"));
    CHECK(all->at(1).outcome.isEmpty());
    CHECK(all->at(1).planId.isEmpty());
    CHECK(all->at(2).id == old);

    auto current = reviews.forFamily(family, QDate(2026, 1, 1));
    REQUIRE(current.ok());
    CHECK(current->size() == 2);

    auto found = reviews.find(first);
    REQUIRE(found.ok());
    REQUIRE(found->has_value());
    CHECK((*found)->heldOn == QDate(2026, 2, 1));
    auto gone = reviews.find(removed);
    REQUIRE(gone.ok());
    CHECK_FALSE(gone->has_value());
}

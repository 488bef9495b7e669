#include "store/familyrepository.h"
#include "store/personrepository.h"
#include "store/visitrepository.h"
#include "storetesthelpers.h"

using namespace doorstep;

TEST_CASE("Families are listed by name and found by a search within the name", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    test::createFamily(*store, QStringLiteral("Okafor"));
    test::createFamily(*store, QStringLiteral("Shah"));
    test::createFamily(*store, QStringLiteral("O'Brien 100%"));
    FamilyRepository families(*store);
    auto all = families.list();
    REQUIRE(all->size() == 3);
    CHECK(all->at(0).familyName == QStringLiteral("O'Brien 100%"));
    CHECK(all->at(2).familyName == QStringLiteral("Shah"));
    CHECK(families.list(QStringLiteral("sha"))->size() == 1);
    CHECK(families.list(QStringLiteral("%"))->size() == 1); // no LIKE wildcards
    CHECK(families.list(QStringLiteral("o"))->size() == 2);
}

TEST_CASE("People come back with their dates and NHS numbers, oldest first", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    for (const auto &[name, born] :
        { std::pair { "Tobi", "2018-07-01" }, { "Ngozi", "1989-02-11" } }) {
        REQUIRE(store
                    ->apply(Change::create(QStringLiteral("person"),
                        { { QStringLiteral("family_id"), family },
                            { QStringLiteral("given_name"), QString::fromLatin1(name) },
                            { QStringLiteral("date_of_birth"), QString::fromLatin1(born) } }))
                    .ok());
    }
    auto people = PersonRepository(*store).forFamily(family);
    REQUIRE(people->size() == 2);
    CHECK(people->at(0).givenName == QStringLiteral("Ngozi"));
    CHECK(people->at(1).ageOn(QDate(2026, 6, 30)) == 7);
    CHECK(people->at(1).ageOn(QDate(2026, 7, 1)) == 8);
}

TEST_CASE("Visits come back newest first with their Signs of Safety columns", "[store]")
{
    QTemporaryDir dir;
    auto store = test::makeStore(dir.path());
    const QString family = test::createFamily(*store, QStringLiteral("Okafor"));
    for (const char *at : { "2026-01-05T10:00:00Z", "2026-02-05T10:00:00Z" }) {
        REQUIRE(store
                    ->apply(Change::create(QStringLiteral("visit"),
                        { { QStringLiteral("family_id"), family },
                            { QStringLiteral("visit_at"), QString::fromLatin1(at) },
                            { QStringLiteral("working_well"), QStringLiteral("Routines") } }))
                    .ok());
    }
    auto visits = VisitRepository(*store).forFamily(family);
    REQUIRE(visits->size() == 2);
    CHECK(visits->at(0).visitAt == QDateTime(QDate(2026, 2, 5), QTime(10, 0), Qt::UTC));
    CHECK(visits->at(0).workingWell == QStringLiteral("Routines"));
    CHECK_FALSE(visits->at(0).isFinal);
}

#include "documents/crisiscarddocument.h"

#include <catch2/catch.hpp>

using doorstep::CrisisCardDocument;
using Contact = CrisisCardDocument::Contact;

namespace
{

std::string describe(const QList<Contact> &contacts)
{
    std::string text;
    for (const auto &contact : contacts)
        text += "[" + contact.name.toStdString() + " | " + contact.number.toStdString() + "] ";
    return text;
}

} // namespace

TEST_CASE("Who-to-call lines split into a name and the number at the end", "[documents]")
{
    const auto contacts = CrisisCardDocument::contactsFromText(
        QStringLiteral("Gran - 07700 900123\n"
                       "Childline: 0800 1111\r\n"
                       "Dr Shah (Riverside Surgery) 0161 496 0000\n"
                       "Police (emergency) \u2013 999\n"
                       "Health visitor +44 161 496 0123"));
    INFO(describe(contacts));
    REQUIRE(contacts.size() == 5);
    CHECK(contacts[0].name == QStringLiteral("Gran"));
    CHECK(contacts[0].number == QStringLiteral("07700 900123"));
    CHECK(contacts[1].name == QStringLiteral("Childline"));
    CHECK(contacts[1].number == QStringLiteral("0800 1111"));
    CHECK(contacts[2].name == QStringLiteral("Dr Shah (Riverside Surgery)"));
    CHECK(contacts[2].number == QStringLiteral("0161 496 0000"));
    CHECK(contacts[3].name == QStringLiteral("Police (emergency)"));
    CHECK(contacts[3].number == QStringLiteral("999"));
    CHECK(contacts[4].name == QStringLiteral("Health visitor"));
    CHECK(contacts[4].number == QStringLiteral("+44 161 496 0123"));
}

TEST_CASE("A who-to-call line without a number keeps all its words as the name", "[documents]")
{
    const auto contacts = CrisisCardDocument::contactsFromText(
        QStringLiteral("\n  Auntie Rose next door  \n\nFlat 12\n"));
    INFO(describe(contacts));
    REQUIRE(contacts.size() == 2);
    CHECK(contacts[0].name == QStringLiteral("Auntie Rose next door"));
    CHECK(contacts[0].number.isEmpty());
    // Two digits are a flat or a room, not a phone number.
    CHECK(contacts[1].name == QStringLiteral("Flat 12"));
    CHECK(contacts[1].number.isEmpty());
}

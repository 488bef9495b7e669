#include "models/pseudotranslator.h"

#include <catch2/catch.hpp>

using doorstep::PseudoTranslator;

TEST_CASE("Pseudo-translation wraps, accents and lengthens text", "[models]")
{
    const QString out = PseudoTranslator::pseudo(QStringLiteral("Record a visit"));
    CHECK(out.startsWith(PseudoTranslator::Open));
    CHECK(out.endsWith(PseudoTranslator::Close));
    CHECK(out.contains(QStringLiteral("R\u00e9\u00e7\u00f6rd")));
    CHECK(out.size() >= int(QStringLiteral("Record a visit").size() * 1.3));
    CHECK(PseudoTranslator::isPseudo(out));
    CHECK_FALSE(PseudoTranslator::isPseudo(QStringLiteral("Record a visit")));
}

TEST_CASE("Pseudo-translation keeps placeholders and tags so arguments still fill in", "[models]")
{
    const QString out
        = PseudoTranslator::pseudo(QStringLiteral("%1 family, <b>%n</b> visits, %L2 days"));
    CHECK(out.contains(QStringLiteral("%1")));
    CHECK(out.contains(QStringLiteral("<b>%n</b>")));
    CHECK(out.contains(QStringLiteral("%L2")));
    CHECK(out.arg(QStringLiteral("Ashdown")).contains(QStringLiteral("Ashdown")));
}

TEST_CASE("Installed, the pseudo-translator translates every tr() string", "[models]")
{
    PseudoTranslator translator;
    CHECK_FALSE(translator.isEmpty());
    CHECK(PseudoTranslator::isPseudo(translator.translate("Page", "Back")));
    CHECK(translator.translate("Page", "").isEmpty());
}

TEST_CASE("A date format is wrapped but its pattern letters are left alone", "[models]")
{
    PseudoTranslator translator;
    const QString format = translator.translate("CaseText", "d MMM yyyy", "date format");
    CHECK(PseudoTranslator::isPseudo(format));
    CHECK(format.contains(QStringLiteral("d MMM yyyy")));
}

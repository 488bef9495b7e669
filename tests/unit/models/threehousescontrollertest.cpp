#include "models/threehousescontroller.h"

#include "models/childmode.h"
#include "modeltesthelpers.h"
#include "security/pinaccess.h"
#include "store/strokerepository.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPointF>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace doorstep;

namespace
{

// Today is Thursday 12 March 2026; Mia is 7.
QString addChild(test::SessionFixture &fixture)
{
    const QString family = fixture.family(QStringLiteral("Ashdown"), 10);
    return fixture.add("person",
        { { QStringLiteral("family_id"), family },
            { QStringLiteral("given_name"), QStringLiteral("Mia") },
            { QStringLiteral("family_name"), QStringLiteral("Ashdown") },
            { QStringLiteral("role"), QStringLiteral("child") },
            { QStringLiteral("date_of_birth"), QDate(2018, 9, 1) } });
}

QVariantList line(double y, int points = 5)
{
    QVariantList list;
    for (int i = 0; i < points; ++i)
        list.append(QPointF(0.1 + 0.8 * i / (points - 1), y));
    return list;
}

QVariantMap house(const ThreeHousesController &houses, int kind)
{
    return houses.houses().at(kind).toMap();
}

} // namespace

TEST_CASE("A child's three houses are started once, with the child's name and age", "[houses]")
{
    test::SessionFixture fixture;
    const QString mia = addChild(fixture);
    ThreeHousesController houses;
    houses.setSession(fixture.session.get());
    houses.setPersonId(mia);
    REQUIRE(houses.isFound());
    CHECK(houses.childName() == QStringLiteral("Mia"));
    CHECK(houses.childAge() == 7);
    REQUIRE(houses.houses().size() == 3);
    CHECK(house(houses, 0).value(QStringLiteral("name")).toString()
        == QStringLiteral("House of worries"));
    CHECK_FALSE(house(houses, 1).value(QStringLiteral("shareAllowed")).toBool());

    // Opened again, the same three houses: none started twice.
    ThreeHousesController again;
    again.setSession(fixture.session.get());
    again.setPersonId(mia);
    CHECK(house(again, 2).value(QStringLiteral("drawingId"))
        == house(houses, 2).value(QStringLiteral("drawingId")));
    CHECK(houses.stickerNames().size() == 14);
    CHECK(houses.stickerNames().first() == QStringLiteral("sun"));
}

TEST_CASE("Each stroke is stored as it is finished, and erasing is a tombstone", "[houses]")
{
    test::SessionFixture fixture;
    const QString mia = addChild(fixture);
    ThreeHousesController houses;
    houses.setSession(fixture.session.get());
    houses.setByChild(true);
    houses.setPersonId(mia);
    QSignalSpy reloaded(&houses, &ThreeHousesController::strokesReloaded);

    REQUIRE(houses.addStroke(0, 0, line(0.3), QColor(Qt::red), 0.02, {}));
    REQUIRE(houses.addStroke(0, 1, line(0.6), QColor(Qt::blue), 0.05, { 0.2, 0.4, 0.6, 0.8, 1.0 }));
    CHECK(house(houses, 0).value(QStringLiteral("strokeCount")).toInt() == 2);
    const QString drawing = house(houses, 0).value(QStringLiteral("drawingId")).toString();
    auto stored = StrokeRepository(*fixture.session->store()).forDrawing(drawing);
    REQUIRE(stored.ok());
    REQUIRE(stored->size() == 2);
    CHECK(stored->at(0).drawnBy == QStringLiteral("child"));
    CHECK(stored->at(0).colour == QStringLiteral("#ff0000"));
    CHECK(stored->at(1).pressures.size() == 5);
    CHECK(stored->at(1).pressures.at(0) == Approx(0.2).margin(0.005));

    // Erased and brought back by the canvas's ids; the canvas is not told to reload for its
    // own changes (that would lose its undo history).
    REQUIRE(houses.eraseStroke(0, 0));
    CHECK(StrokeRepository(*fixture.session->store()).forDrawing(drawing)->size() == 1);
    REQUIRE(houses.restoreStroke(0, 0));
    CHECK(StrokeRepository(*fixture.session->store()).forDrawing(drawing)->size() == 2);
    REQUIRE(houses.eraseStroke(0, 1));
    // A stroke after an erased one still gets the next canvas id.
    REQUIRE(houses.addStroke(0, 2, line(0.9), QColor(Qt::green), 0.02, {}));
    CHECK(reloaded.isEmpty());

    // A restart: a new controller reads what was stored, in order, erased strokes left out.
    ThreeHousesController restarted;
    restarted.setSession(fixture.session.get());
    restarted.setPersonId(mia);
    const QVariantList strokes = restarted.strokes(0);
    REQUIRE(strokes.size() == 2);
    CHECK(strokes.at(0).toMap().value(QStringLiteral("color")).value<QColor>() == QColor(Qt::red));
    CHECK(
        strokes.at(1).toMap().value(QStringLiteral("color")).value<QColor>() == QColor(Qt::green));
    CHECK(strokes.at(0).toMap().value(QStringLiteral("points")).toList().size() == 5);

    // A canvas shown the house again numbers from the strokes it is given: so does the
    // controller, and the next stroke is not taken for one out of step.
    REQUIRE(houses.eraseStroke(0, 0));
    CHECK(houses.strokes(0).size() == 1);
    CHECK(houses.drawingStrokes(0).size() == 1);
    CHECK(houses.addStroke(0, 1, line(0.2), QColor(Qt::black), 0.02, {}));
    CHECK(houses.strokes(0).size() == 2);

    // A stroke another page stores makes this one reload its canvas.
    const int shown = int(restarted.drawingStrokes(0).size());
    REQUIRE(restarted.addStroke(0, shown, line(0.5), QColor(Qt::black), 0.02, {}));
    CHECK(reloaded.size() == 1);
    CHECK(reloaded.first().first().toInt() == 0);
    // And out of step, the canvas is told to read again rather than a stroke misfiled.
    CHECK_FALSE(houses.addStroke(0, 7, line(0.4), QColor(Qt::black), 0.02, {}));
    CHECK_FALSE(houses.errorString().isEmpty());
}

TEST_CASE("Bad strokes, stickers and words are refused with a sentence", "[houses]")
{
    test::SessionFixture fixture;
    const QString mia = addChild(fixture);
    ThreeHousesController houses;
    houses.setSession(fixture.session.get());
    houses.setPersonId(mia);
    CHECK_FALSE(houses.addStroke(0, 0, {}, QColor(Qt::red), 0.02, {}));
    CHECK(houses.errorString().contains(QStringLiteral("no points")));
    CHECK_FALSE(
        houses.addStroke(0, 0, { QStringLiteral("not a point") }, QColor(Qt::red), 0.02, {}));
    CHECK_FALSE(houses.addStroke(0, 0, line(0.5), QColor(Qt::red), 0.02, { 0.5 }));
    CHECK_FALSE(houses.placeSticker(1, QStringLiteral("../../secret"), 0.5, 0.5, 0.2));
    CHECK(houses.errorString().contains(QStringLiteral("no sticker")));
    CHECK_FALSE(houses.addWords(1, QStringLiteral("   "), false, {}));
    CHECK_FALSE(houses.chooseSymbol(1, QStringLiteral("dragon")));
    CHECK_FALSE(houses.addStroke(7, 0, line(0.5), QColor(Qt::red), 0.02, {}));
    CHECK(house(houses, 1).value(QStringLiteral("stickers")).toList().isEmpty());
}

TEST_CASE("Stickers, words, names, symbols and the share choice are kept", "[houses]")
{
    test::SessionFixture fixture;
    const QString mia = addChild(fixture);
    ThreeHousesController houses;
    houses.setSession(fixture.session.get());
    houses.setByChild(true);
    houses.setPersonId(mia);
    REQUIRE(houses.placeSticker(1, QStringLiteral("heart"), 0.8, 0.8, 0.2));
    REQUIRE(houses.addWords(1, QStringLiteral("NAN AND SWIMMING"), false, {}));
    houses.setByChild(false);
    REQUIRE(houses.addWords(1, QStringLiteral("Playing football with Jayden"), true,
        QStringLiteral("What makes you smile?")));
    REQUIRE(houses.rename(1, QStringLiteral("My happy house")));
    REQUIRE(houses.chooseSymbol(1, QStringLiteral("sun")));
    REQUIRE(houses.setShareAllowed(1, true));

    ThreeHousesController restarted;
    restarted.setSession(fixture.session.get());
    restarted.setPersonId(mia);
    const QVariantMap good = house(restarted, 1);
    CHECK(good.value(QStringLiteral("name")).toString() == QStringLiteral("My happy house"));
    CHECK(good.value(QStringLiteral("renamed")).toBool());
    CHECK(good.value(QStringLiteral("symbol")).toString() == QStringLiteral("sun"));
    CHECK(good.value(QStringLiteral("shareAllowed")).toBool());
    const QVariantList stickers = good.value(QStringLiteral("stickers")).toList();
    REQUIRE(stickers.size() == 1);
    CHECK(stickers.first().toMap().value(QStringLiteral("x")).toDouble() == Approx(0.8));
    const QVariantList words = good.value(QStringLiteral("words")).toList();
    REQUIRE(words.size() == 2);
    CHECK(words.at(0).toMap().value(QStringLiteral("byChild")).toBool());
    CHECK_FALSE(words.at(1).toMap().value(QStringLiteral("byChild")).toBool());
    CHECK(words.at(1).toMap().value(QStringLiteral("prompt")).toString()
        == QStringLiteral("What makes you smile?"));

    REQUIRE(restarted.removeSticker(
        1, stickers.first().toMap().value(QStringLiteral("id")).toString()));
    CHECK(house(restarted, 1).value(QStringLiteral("stickers")).toList().isEmpty());
    CHECK_FALSE(restarted.removeSticker(1, QStringLiteral("no-such-sticker")));
}

TEST_CASE("The letter to the child is previewed in memory and saved as a PDF", "[houses]")
{
    test::SessionFixture fixture;
    const QString mia = addChild(fixture);
    ThreeHousesController houses;
    houses.setSession(fixture.session.get());
    houses.setPersonId(mia);
    REQUIRE(houses.addStroke(1, 0, line(0.5), QColor(Qt::red), 0.03, {}));
    REQUIRE(houses.setShareAllowed(1, true));
    const QStringList pages = houses.letterPreview(QStringLiteral("Dear Mia, thank you."), 600);
    REQUIRE_FALSE(pages.isEmpty());
    CHECK(pages.first().startsWith(QStringLiteral("data:image/png;base64,")));

    QTemporaryDir folder;
    REQUIRE(folder.isValid());
    const QString path = houses.saveLetter(QStringLiteral("Dear Mia, thank you."), folder.path());
    INFO(houses.errorString().toStdString());
    REQUIRE_FALSE(path.isEmpty());
    QFile pdf(path);
    REQUIRE(pdf.open(QIODevice::ReadOnly));
    CHECK(pdf.read(4) == QByteArray("%PDF"));
    CHECK(path.contains(QStringLiteral("letter for Mia")));
    CHECK(houses.saveLetter(QStringLiteral("x"), folder.filePath(QStringLiteral("missing")))
              .isEmpty());
    CHECK_FALSE(houses.errorString().isEmpty());
}

TEST_CASE("Child mode is left only with the practitioner's PIN", "[houses]")
{
    // A PIN is good only on the day it was set, by the real clock's file dates.
    test::SessionFixture fixture(QDateTime::currentDateTime());
    const QString mia = addChild(fixture);
    REQUIRE(fixture.session->setPin(QStringLiteral("4821")));
    ChildMode childMode(fixture.session.get());
    childMode.enter(mia);
    REQUIRE(childMode.isActive());
    CHECK(childMode.personId() == mia);
    // Another child cannot be swapped in: leave first.
    childMode.enter(QStringLiteral("someone-else"));
    CHECK(childMode.personId() == mia);

    QSignalSpy checking(&childMode, &ChildMode::checkingChanged);
    childMode.leave(QStringLiteral("1234"));
    CHECK(childMode.isChecking());
    REQUIRE(checking.wait(10000));
    CHECK(childMode.isActive());
    CHECK(childMode.leaveError().contains(QStringLiteral("The PIN is not correct")));
    childMode.leave(QString());
    CHECK(childMode.isActive());
    CHECK_FALSE(childMode.leaveError().isEmpty());

    // Three wrong tries and child mode checks no more, so a child guessing cannot use up the
    // PIN's or the passphrase's own limit; an unlock starts the count again.
    for (int i = 0; i < ChildMode::MaxWrongTries - 1; ++i) {
        childMode.leave(QStringLiteral("0000"));
        REQUIRE(checking.wait(10000));
    }
    CHECK(childMode.leaveError().contains(QStringLiteral("Too many wrong tries")));
    childMode.leave(QStringLiteral("4821"));
    CHECK_FALSE(childMode.isChecking());
    CHECK(childMode.isActive());
    CHECK(fixture.session->isPinAvailable());

    // Locking keeps child mode: unlocked again, the tablet is still the child's.
    fixture.session->lock();
    CHECK(childMode.isActive());
    fixture.unlock();
    CHECK(childMode.isActive());

    childMode.leave(QStringLiteral("4821"));
    REQUIRE(checking.wait(10000));
    INFO(childMode.leaveError().toStdString());
    CHECK_FALSE(childMode.isActive());
    CHECK(childMode.leaveError().isEmpty());
    CHECK(fixture.session->isUnlocked());

    // Without a PIN set today, the passphrase leaves it.
    PinAccess::forget(fixture.session->storeFolder());
    childMode.enter(mia);
    childMode.leave(QStringLiteral("test-passphrase"));
    REQUIRE(checking.wait(10000));
    CHECK_FALSE(childMode.isActive());
}

TEST_CASE("A house is saved as PNG or PDF only when the child agreed to share it", "[houses]")
{
    test::SessionFixture fixture;
    const QString mia = addChild(fixture);
    ThreeHousesController houses;
    houses.setSession(fixture.session.get());
    houses.setPersonId(mia);
    REQUIRE(houses.addStroke(2, 0, line(0.5), QColor(Qt::red), 0.03, {}));
    QTemporaryDir folder;
    REQUIRE(folder.isValid());

    CHECK(houses.saveHouse(2, QStringLiteral("png"), folder.path()).isEmpty());
    CHECK(houses.errorString().contains(QStringLiteral("Mia chose to keep this house private")));
    CHECK(QDir(folder.path()).isEmpty());

    REQUIRE(houses.setShareAllowed(2, true));
    const QString png = houses.saveHouse(2, QStringLiteral("png"), folder.path());
    INFO(houses.errorString().toStdString());
    REQUIRE(png.endsWith(QStringLiteral(".png")));
    const QImage image(png);
    CHECK(image.width() == 2400);
    const QColor middle = image.pixelColor(1200, 1200);
    CHECK(middle.red() > 200);
    CHECK(middle.green() < 60);
    // Saved again: numbered, never replacing the first.
    const QString second = houses.saveHouse(2, QStringLiteral("png"), folder.path());
    CHECK(second.endsWith(QStringLiteral("(2).png")));

    const QString pdf = houses.saveHouse(2, QStringLiteral("pdf"), folder.path());
    REQUIRE(pdf.endsWith(QStringLiteral(".pdf")));
    QFile file(pdf);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.read(4) == QByteArray("%PDF"));
    if (const QString shots = qEnvironmentVariable("DOORSTEP_SCREENSHOT_DIR"); !shots.isEmpty())
        QFile::copy(pdf, QDir(shots).filePath(QStringLiteral("house-of-dreams.pdf")));
    CHECK(houses.saveHouse(2, QStringLiteral("gif"), folder.path()).isEmpty());
    CHECK(houses.errorString().contains(QStringLiteral("\"gif\"")));
}

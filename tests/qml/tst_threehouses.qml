import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Ink
import Doorstep.Models
import DoorstepTest

// The three houses on the real store, driven by touch and taps in the whole app: a child
// draws, rubs out, undoes, places stickers, types words on the big keyboard, renames a
// house, picks its symbol and says whether it may be shared, and all of it is found again
// by a new controller (the app restarted). The practitioner opens the houses from the
// family page, writes down a child's words with the question asked, previews the letter
// and saves it as a PDF. With DOORSTEP_SCREENSHOT_DIR set, the practitioner's page and the
// letter preview are saved at 1280×800 and 800×1280.
AppTestCase {
    id: root

    name: "ThreeHouses"

    property string amberId

    Component {
        id: controllerComponent

        ThreeHousesController {
            session: Session
        }
    }

    function cleanup() {
        if (ChildMode.active) {
            ChildMode.leave("test-passphrase");
            tryVerify(() => !ChildMode.active, 10000, "child mode ends with the passphrase");
        }
        if (root.main) {
            root.main.destroy();
            root.main = null;
        }
        Session.lock();
    }

    function save(name) {
        if (TestSupport.screenshotFolder.length === 0)
            return;
        wait(80);
        grabImage(windowRoot()).save(TestSupport.screenshotFolder + "/" + name + ".png");
    }

    // Opens Ashdown's family and Amber's three houses from her row, as a practitioner does.
    function openAmbersHouses() {
        openFamily("Ashdown");
        const members = item("memberRepeater");
        tryVerify(() => members.count === 1);
        const amber = members.itemAt(0);
        root.amberId = amber.personId;
        const button = findChild(amber, "threeHouses_" + root.amberId);
        verify(button && button.visible, "a child has a Three houses button");
        tap(button);
        const page = waitForPage("threeHousesPage");
        tryCompare(item("threeHousesController"), "found", true);
        return page;
    }

    // From the practitioner's page into child mode, by the hand-over button.
    function handToAmber() {
        tap(item("handToChildButton"));
        tryVerify(() => ChildMode.active);
        const view = waitForPage("childModeView");
        tryCompare(item("childHouses"), "found", true);
        return view;
    }

    function house(controller, kind) {
        return controller.houses[kind];
    }

    // A finger drawn across the square from (x1, y1) to (x2, y2), fractions of its side.
    function touchLine(canvas, x1, y1, x2, y2) {
        const w = canvas.width;
        const h = canvas.height;
        const touch = touchEvent(canvas);
        touch.press(0, canvas, x1 * w, y1 * h).commit();
        for (let s = 1; s <= 12; ++s)
            touch.move(0, canvas, (x1 + (x2 - x1) * s / 12) * w, (y1 + (y2 - y1) * s / 12) * h).commit();
        touch.release(0, canvas, x2 * w, y2 * h).commit();
        wait(20);
    }

    function typeOnChildKeyboard(text) {
        for (const letter of text)
            mouseClick(item(letter === " " ? "key_space" : "key_" + letter));
    }

    function restartedController() {
        const again = createTemporaryObject(controllerComponent, root, {
            "personId": root.amberId,
            "byChild": true
        });
        tryCompare(again, "found", true);
        return again;
    }

    function test_childDrawsAndItIsKept() {
        startApp(1280, 800);
        unlockWithPassphrase();
        openAmbersHouses();
        handToAmber();
        const houses = item("childHouses");
        verify(houses.byChild);
        compare(houses.houses.length, 3, "all three houses are there");
        const strokesBefore = TestSupport.liveRecords("stroke");

        mouseClick(item("openHouse_0"));
        tryCompare(item("houseEditor"), "visible", true);
        const canvas = item("houseCanvas");
        // The drawing is square, and fits between the tools at this size.
        const square = item("houseSquare");
        compare(square.width, square.height);
        verify(square.width >= 500, "a big drawing: " + square.width);

        // Red, thick, with a finger.
        mouseClick(item("ink_1"));
        mouseClick(item("brush_2"));
        touchLine(canvas, 0.2, 0.5, 0.8, 0.5);
        compare(canvas.strokeCount, 1);
        tryVerify(() => house(houses, 0).strokeCount === 1, 3000, "strokeCount");
        compare(TestSupport.liveRecords("stroke"), strokesBefore + 1, "stored at once");
        touchLine(canvas, 0.3, 0.2, 0.3, 0.8);
        compare(house(houses, 0).strokeCount, 2);

        // The app restarted: a new controller finds both strokes, as drawn.
        let again = restartedController();
        compare(again.houses[0].strokeCount, 2);
        const strokes = again.strokes(0);
        compare(strokes.length, 2);
        verify(Qt.colorEqual(strokes[0].color, ChildTheme.inks[1].colour), "red kept");
        fuzzyCompare(strokes[0].width, ChildTheme.brushes[2], 1e-6);

        // The line eraser takes the whole first line; undo brings it back.
        mouseClick(item("toolLineEraser"));
        compare(canvas.tool, InkCanvas.Eraser);
        touchLine(canvas, 0.6, 0.35, 0.6, 0.65);
        compare(canvas.strokeCount, 1);
        compare(house(houses, 0).strokeCount, 1, "the erasing is stored");
        compare(restartedController().houses[0].strokeCount, 1);
        mouseClick(item("undoButton"));
        compare(canvas.strokeCount, 2);
        compare(house(houses, 0).strokeCount, 2, "the undo is stored");
        mouseClick(item("redoButton"));
        compare(house(houses, 0).strokeCount, 1);
        mouseClick(item("undoButton"));
        compare(house(houses, 0).strokeCount, 2);

        // The rubber takes only the middle of the upright line: two pieces are left.
        mouseClick(item("toolRubber"));
        compare(canvas.tool, InkCanvas.PartialEraser);
        touchLine(canvas, 0.2, 0.3, 0.45, 0.3);
        verify(canvas.strokeCount >= 2, "pieces left: " + canvas.strokeCount);
        compare(house(houses, 0).strokeCount, canvas.strokeCount);
        again = restartedController();
        compare(again.houses[0].strokeCount, canvas.strokeCount, "the pieces survive a restart");

        // Choosing an ink goes back to the pen.
        mouseClick(item("ink_5"));
        compare(canvas.tool, InkCanvas.Pen);
    }

    function test_childPlacesStickersWritesAndChooses() {
        startApp(1280, 800);
        unlockWithPassphrase();
        openAmbersHouses();
        handToAmber();
        const houses = item("childHouses");
        mouseClick(item("openHouse_1"));
        const square = item("houseSquare");

        // Tap a sticker, then the drawing: it goes where the finger went.
        const stickers = house(houses, 1).stickers.length;
        mouseClick(item("sticker_heart"));
        compare(item("stickerTray").armed, "heart");
        mouseClick(square, square.width * 0.25, square.height * 0.75);
        tryVerify(() => house(houses, 1).stickers.length === stickers + 1, 3000, "stickers");
        const heart = house(houses, 1).stickers[stickers];
        compare(heart.sticker, "heart");
        fuzzyCompare(heart.x, 0.25, 0.01);
        fuzzyCompare(heart.y, 0.75, 0.01);
        compare(item("stickerTray").armed, "", "placed once");

        // Or drag one straight on.
        const star = item("sticker_star");
        const target = square.mapToItem(star, square.width * 0.7, square.height * 0.3);
        mousePress(star, star.width / 2, star.height / 2);
        for (let s = 1; s <= 10; ++s)
            mouseMove(star, star.width / 2 + (target.x - star.width / 2) * s / 10, star.height / 2 + (target.y - star.height / 2) * s / 10);
        verify(item("stickerGhost").visible, "the sticker follows the finger");
        mouseRelease(star, target.x, target.y);
        tryVerify(() => house(houses, 1).stickers.length === stickers + 2, 3000, "stickers");
        const placed = house(houses, 1).stickers[stickers + 1];
        compare(placed.sticker, "star");
        fuzzyCompare(placed.x, 0.7, 0.02);
        fuzzyCompare(placed.y, 0.3, 0.02);

        // With an eraser, a tap on a sticker takes it away.
        mouseClick(item("toolLineEraser"));
        mouseClick(item("placedSticker_" + placed.id));
        tryVerify(() => house(houses, 1).stickers.length === stickers + 1, 3000, "stickers");
        mouseClick(item("toolPen"));

        // Words on the big keyboard, kept as the child's own.
        mouseClick(item("wordsButton"));
        tryCompare(item("wordsOverlay"), "visible", true);
        typeOnChildKeyboard("MY DOGX");
        mouseClick(item("key_backspace"));
        compare(item("childKeyboardText").text.indexOf("MY DOG"), 0);
        mouseClick(item("key_done"));
        tryCompare(item("wordsOverlay"), "visible", false);
        const words = house(houses, 1).words;
        compare(words.length, 1);
        compare(words[0].words, "MY DOG");
        compare(words[0].byChild, true);
        compare(words[0].prompt, "");

        // Closing the keyboard keeps nothing.
        mouseClick(item("wordsButton"));
        typeOnChildKeyboard("NO");
        mouseClick(item("key_cancel"));
        compare(house(houses, 1).words.length, 1);

        // A name of the child's own.
        mouseClick(item("renameButton"));
        typeOnChildKeyboard("HAPPY PLACE");
        mouseClick(item("key_done"));
        tryVerify(() => house(houses, 1).name === "HAPPY PLACE", 3000, "name");
        verify(house(houses, 1).renamed);
        compare(item("houseName").text, "HAPPY PLACE");

        // Its symbol, from the stickers.
        mouseClick(item("symbolButton"));
        tryCompare(item("symbolChooser"), "visible", true);
        mouseClick(item("symbol_dog"));
        tryVerify(() => house(houses, 1).symbol === "dog", 3000, "symbol");
        compare(item("symbolChooser").visible, false);

        // Yes, it can be shown; then no; then yes again.
        mouseClick(item("shareYes"));
        tryVerify(() => house(houses, 1).shareAllowed === true, 3000, "shareAllowed");
        verify(item("shareYes").chosen);
        mouseClick(item("shareNo"));
        tryVerify(() => house(houses, 1).shareAllowed === false, 3000, "shareAllowed");
        verify(item("shareNo").chosen);
        mouseClick(item("shareYes"));
        tryVerify(() => house(houses, 1).shareAllowed === true, 3000, "shareAllowed");

        // All of it is there after a restart.
        const again = restartedController();
        const kept = again.houses[1];
        compare(kept.name, "HAPPY PLACE");
        compare(kept.symbol, "dog");
        compare(kept.shareAllowed, true);
        compare(kept.stickers.length, stickers + 1);
        compare(kept.words[0].words, "MY DOG");

        // Home shows the house with its new name, symbol and thumb.
        mouseClick(item("homeButton"));
        tryCompare(item("housePicker"), "visible", true);
        compare(item("openHouse_1").Accessible.name, "HAPPY PLACE");
    }

    function test_practitionerScribesAndWritesTheLetter() {
        startApp(1280, 800);
        unlockWithPassphrase();
        // Only children have houses: Kasia (an adult) has no button, Jan and Ola have.
        openFamily("Brightwell");
        const members = item("memberRepeater");
        tryVerify(() => members.count === 3);
        let children = 0;
        for (let i = 0; i < members.count; ++i) {
            const member = members.itemAt(i);
            const button = findChild(member, "threeHouses_" + member.personId);
            if (member.name.indexOf("Kasia") === 0)
                verify(!button.visible, "no houses for an adult");
            else if (button.visible)
                ++children;
        }
        compare(children, 2);
        goBack("familyBackButton");
        const search = item("searchField");
        search.text = "";
        tryVerify(() => item("familyList").count === 3, 3000, "the whole caseload again");

        openAmbersHouses();
        const houses = item("threeHousesController");
        verify(!houses.byChild);
        compare(houses.childName, "Amber");

        // Open the house of worries and write down Amber's words with the question.
        tap(item("openHouseButton_0"));
        tryCompare(item("openHouse"), "visible", true);
        const wordsBefore = house(houses, 0).words.length;
        typeInto(item("scribePromptInput"), "What worries you at bedtime?");
        typeInto(item("scribeWordsInput"), "When Mum and Dad shout");
        tap(item("addScribedWordsButton"));
        tryVerify(() => house(houses, 0).words.length === wordsBefore + 1);
        const last = house(houses, 0).words[house(houses, 0).words.length - 1];
        compare(last.words, "When Mum and Dad shout");
        compare(last.prompt, "What worries you at bedtime?");
        compare(last.byChild, false, "marked as written down by the practitioner");
        compare(item("scribeWordsInput").text, "", "ready for the next answer");

        // The practitioner draws too, and records that Amber said it may be shared.
        const canvas = item("houseCanvas");
        const before = house(houses, 0).strokeCount;
        touchLine(canvas, 0.1, 0.9, 0.9, 0.9);
        tryVerify(() => house(houses, 0).strokeCount === before + 1, 3000, "strokeCount");
        mouseClick(item("shareYes"));
        tryVerify(() => house(houses, 0).shareAllowed === true, 3000, "shareAllowed");

        // Back to all three: the words show who wrote them down and the question.
        mouseClick(item("threeHousesBackButton"));
        tryCompare(item("pageFlick"), "visible", true);
        const card = item("houseCard_0");
        verify(findChild(card, "wordsScribed"), "the scribed mark is shown");
        verify(findChild(card, "wordsPrompt").visible, "the question is shown");
        // Only a house Amber agreed to share can be saved as a file.
        for (let kind = 0; kind < 3; ++kind)
            compare(item("saveHouseButton_" + kind).visible, house(houses, kind).shareAllowed, "save offered for house " + kind);
        verify(item("saveHouseButton_0").visible);
        item("pageFlick").contentY = 0;
        save("1280x800-three-houses");

        // The letter: preview pages, then a PDF in the folder chosen.
        typeInto(item("letterMessageInput"), "Dear Amber, thank you for showing me your houses.");
        tap(item("previewLetterButton"));
        const dialog = item("letterPreviewDialog");
        tryCompare(dialog, "opened", true);
        const pages = item("letterPages");
        tryVerify(() => pages.count > 0, 10000, "the letter has pages");
        const firstPage = item("letterPage_0");
        tryCompare(firstPage, "status", Image.Ready);
        verify(firstPage.implicitHeight > firstPage.implicitWidth, "a page is upright");
        save("1280x800-letter-preview");
        mouseClick(item("closeLetterPreviewButton"));
        tryCompare(dialog, "visible", false);

        const folder = TestSupport.makeFolder("letters");
        const folderField = item("letterFolderInput");
        folderField.text = folder;
        tap(item("saveLetterButton"));
        const result = item("letterResult");
        tryVerify(() => result.text.length > 0);
        verify(result.text.indexOf(folder) >= 0, result.text);
        const path = result.text.slice(result.text.indexOf(folder));
        verify(TestSupport.fileSize(path) > 1000, "a PDF was written: " + path);

        // A folder that cannot be written to says why.
        folderField.text = "/proc/no-such-folder";
        tap(item("saveLetterButton"));
        tryVerify(() => result.text.length > 0 && result.text.indexOf("Saved") < 0);
        verify(Qt.colorEqual(result.color, Theme.danger));
    }

    function test_portraitScreens() {
        startApp(800, 1280);
        unlockWithPassphrase();
        openAmbersHouses();
        save("800x1280-three-houses");
        typeInto(item("letterMessageInput"), "Dear Amber, well done.");
        tap(item("previewLetterButton"));
        const dialog = item("letterPreviewDialog");
        tryCompare(dialog, "opened", true);
        tryCompare(item("letterPage_0"), "status", Image.Ready);
        save("800x1280-letter-preview");
        mouseClick(item("closeLetterPreviewButton"));
        tryCompare(dialog, "visible", false);
        tap(item("openHouseButton_2"));
        tryCompare(item("openHouse"), "visible", true);
        const square = item("houseSquare");
        compare(square.width, square.height);
        save("800x1280-three-houses-open");
    }
}

import QtQuick
import QtQuick.Controls
import QtTest
import Doorstep
import Doorstep.Genogram
import Doorstep.Models
import DoorstepTest

// The genogram on the real store, built by touch and mouse in the whole app: from Amber
// alone, a practitioner adds her mother, her mother's partner, a brother and a sister by
// tapping people and the Add buttons; taps the parents' line and makes it divorced; undoes
// and redoes that; drags a person somewhere else; and finds all of it again with a new
// controller (the app restarted). A refused edit says why and writes nothing. The ecomap
// gets a link, and both drawings are saved as PDF and SVG. With DOORSTEP_SCREENSHOT_DIR
// set, a three-generation family and its ecomap are saved at 1280×800 and 800×1280.
AppTestCase {
    id: root

    name: "Genogram"

    Component {
        id: controllerComponent

        GenogramController {
            session: Session
        }
    }

    function cleanup() {
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

    function openGenogram(family) {
        openFamily(family);
        tap(item("openGenogramButton"));
        const page = waitForPage("genogramPage");
        tryCompare(item("genogramController"), "found", true);
        return page;
    }

    function idOf(controller, name) {
        for (const person of controller.people) {
            // A family member is named in full ("Amber Ashdown").
            if (person.name === name || person.name.startsWith(name + " "))
                return person.id;
        }
        fail("no one called " + name + " on the genogram");
        return "";
    }

    // Where a person's symbol is on the screen, in the view's coordinates.
    function symbolOf(personId) {
        const view = item("genogramView");
        return view.toItem(item("genogramController").scene.positionOf(personId));
    }

    function fingerTap(target, x, y) {
        const touch = touchEvent(target);
        touch.press(0, target, x, y).commit();
        touch.release(0, target, x, y).commit();
        wait(20);
    }

    function fingerDrag(target, x1, y1, x2, y2) {
        const touch = touchEvent(target);
        touch.press(0, target, x1, y1).commit();
        for (let s = 1; s <= 10; ++s) {
            touch.move(0, target, x1 + (x2 - x1) * s / 10, y1 + (y2 - y1) * s / 10).commit();
            // Touch moves are compressed until the next frame.
            target.update();
            waitForRendering(target);
        }
        touch.release(0, target, x2, y2).commit();
        wait(20);
    }

    // Taps a person with a finger and waits for their panel.
    function choosePerson(personId) {
        const view = item("genogramView");
        const at = symbolOf(personId);
        fingerTap(view, at.x, at.y);
        tryCompare(view, "selectedPersonId", personId);
        return item("genogramPersonPanel");
    }

    function addRelative(relationship, name, gender) {
        tap(item("add_" + relationship));
        const dialog = item("addRelativeDialog");
        tryCompare(dialog, "opened", true);
        typeInto(item("relativeNameFieldInput"), name);
        mouseClick(item("relative" + gender));
        mouseClick(item("addRelativeButton"));
        tryCompare(dialog, "visible", false);
    }

    function test_buildAFamilyByTouch() {
        startApp(1280, 800);
        unlockWithPassphrase();
        openGenogram("Ashdown");
        const genogram = item("genogramController");
        const view = item("genogramView");
        // Amber and anyone else the family record holds (other tests may have added people).
        const start = genogram.people.length;
        verify(start >= 1, "Amber, from the family record");
        const amber = idOf(genogram, "Amber");
        const before = TestSupport.liveRecords("genogram_person");

        // Amber's mother, then her mother's partner, by the buttons on the chosen person.
        choosePerson(amber);
        addRelative("parent", "Sarah", "Female");
        const sarah = idOf(genogram, "Sarah");
        tryCompare(view, "selectedPersonId", sarah, 3000, "the new person is chosen");
        compare(TestSupport.liveRecords("genogram_person"), before + 1, "stored at once");
        compare(genogram.person(amber).parents, 1);
        addRelative("partner", "Dev", "Male");
        const dev = idOf(genogram, "Dev");
        compare(genogram.person(sarah).partners, 1);

        // A child of Sarah's hangs from her and her partner; a sister of Amber's from Sarah.
        choosePerson(sarah);
        addRelative("child", "Leo", "Unknown");
        const leo = idOf(genogram, "Leo");
        compare(genogram.person(leo).parents, 2, "Leo hangs from Sarah and Dev");
        choosePerson(amber);
        addRelative("sibling", "Mia", "Female");
        const mia = idOf(genogram, "Mia");
        compare(genogram.person(mia).parents, 1, "Mia hangs from Sarah, as Amber does");
        compare(genogram.people.length, start + 4);

        // Nobody overlaps, each generation is one row, children are below their parents.
        const scene = genogram.scene;
        const ids = [amber, sarah, dev, leo, mia];
        for (let i = 0; i < ids.length; ++i) {
            for (let j = i + 1; j < ids.length; ++j) {
                const a = scene.positionOf(ids[i]);
                const b = scene.positionOf(ids[j]);
                verify(Math.abs(a.x - b.x) >= 1 || Math.abs(a.y - b.y) >= 1, "symbols apart: " + i + ", " + j);
            }
        }
        compare(scene.positionOf(sarah).y, scene.positionOf(dev).y, "partners share a row");
        compare(scene.positionOf(amber).y, scene.positionOf(leo).y, "siblings share a row");
        verify(scene.positionOf(amber).y > scene.positionOf(sarah).y, "children below parents");

        // A refused edit: Sarah has no parents for a brother or sister to hang from.
        choosePerson(sarah);
        const people = genogram.people.length;
        tap(item("add_sibling"));
        typeInto(item("relativeNameFieldInput"), "Ruth");
        mouseClick(item("addRelativeButton"));
        const refusal = item("addRelativeError");
        tryVerify(() => refusal.visible && refusal.text.indexOf("parents first") >= 0, 3000, "says why: " + refusal.text);
        compare(genogram.people.length, people, "nothing was added");
        mouseClick(item("cancelRelativeButton"));
        tryCompare(item("addRelativeDialog"), "visible", false);

        // Tap the line between Sarah and Dev (it runs half a symbol below their symbols) and
        // divorce them.
        const left = symbolOf(sarah);
        const right = symbolOf(dev);
        const lineY = left.y + view.unitSize * 1.0;
        mouseClick(view, (left.x + right.x) / 2, lineY);
        tryVerify(() => view.selectedRelationId.length > 0, 3000, "a tap on the line chooses it");
        const partnership = view.selectedRelationId;
        compare(genogram.relation(partnership).type, "married");
        tap(item("lineType_divorced"));
        tryCompare(genogram.relation(partnership), "type", "divorced");
        let again = createTemporaryObject(controllerComponent, root, {
            "familyId": TestSupport.familyId("Ashdown")
        });
        tryCompare(again, "found", true);
        compare(again.relation(partnership).type, "divorced", "stored");

        // Undo takes the divorce back; redo does it again.
        verify(genogram.undoText.indexOf("Divorced") >= 0, genogram.undoText);
        mouseClick(item("undoButton"));
        compare(genogram.relation(partnership).type, "married");
        mouseClick(item("redoButton"));
        compare(genogram.relation(partnership).type, "divorced");

        // A finger drags Dev to the right; he stays where he was put.
        const from = symbolOf(dev);
        fingerDrag(item("genogramView"), from.x, from.y, from.x + 160, from.y + 40);
        tryVerify(() => genogram.person(dev).pinned === true, 3000, "Dev is pinned");
        const placed = view.toItem(scene.positionOf(dev));
        fuzzyCompare(placed.x, from.x + 160, 2);
        fuzzyCompare(placed.y, from.y + 40, 2);

        // The app restarted: everything is found again.
        again = createTemporaryObject(controllerComponent, root, {
            "familyId": TestSupport.familyId("Ashdown")
        });
        tryCompare(again, "found", true);
        compare(again.people.length, start + 4);
        compare(again.person(leo).parents, 2);
        compare(again.relation(partnership).type, "divorced");
        verify(again.person(dev).pinned, "the pin is kept");
        const kept = again.scene.positionOf(dev);
        fuzzyCompare(kept.x, scene.positionOf(dev).x, 1e-6);

        // Take Mia off again, and undo that: her line comes back with her.
        choosePerson(mia);
        tap(item("removePersonButton"));
        tryCompare(genogram.people, "length", start + 3);
        mouseClick(item("undoButton"));
        tryCompare(genogram.people, "length", start + 4);
        compare(genogram.person(mia).parents, 1, "her line came back with her");

        // Amber is in the family record: she cannot be taken off the genogram here.
        choosePerson(amber);
        compare(item("removePersonButton").visible, false);

        // A year of birth that is not one: refused with how to write it, what was typed kept.
        choosePerson(mia);
        const born = item("personBornFieldInput");
        typeInto(born, "62");
        keyClick(Qt.Key_Return);
        const error = item("genogramError");
        tryVerify(() => error.visible && error.text.indexOf("1962") >= 0, 3000, "says how: " + error.text);
        compare(born.text, "62", "what was typed is kept to correct");
        save("genogram-refused-year");
        compare(genogram.person(mia).born, "", "nothing was stored");
        // Corrected in place: the field still has the focus and the typing.
        born.selectAll();
        for (const digit of "2014")
            keyClick(digit);
        keyClick(Qt.Key_Return);
        tryCompare(genogram.person(mia), "born", "2014");
        compare(error.visible, false);
    }

    function test_ecomapAndExports() {
        startApp(1280, 800);
        unlockWithPassphrase();
        openGenogram("Brightwell");
        const genogram = item("genogramController");
        mouseClick(item("ecomapTab"));
        tryCompare(item("genogramView"), "showEcomap", true);
        const panel = item("ecomapPanel");
        const agency = item("linkAgency");
        agency.currentIndex = 1; // GP
        typeInto(item("linkNameInput"), "Dr Khan");
        mouseClick(item("linkStrength_stressful"));
        mouseClick(item("saveLinkButton"));
        tryCompare(genogram.links, "length", 1);
        compare(genogram.links[0].agency, "gp");
        compare(genogram.links[0].strength, "stressful");
        compare(TestSupport.liveRecords("ecomap_link"), 1);

        // A tap on the link's circle chooses it.
        const view = item("genogramView");
        tryVerify(() => view.selectedLinkId === genogram.links[0].id, 3000, "the new link is chosen");
        view.selectedLinkId = "";
        const ecomapBounds = genogram.scene.ecomapBounds;
        verify(ecomapBounds.width > 0);

        // Both drawings as PDF and SVG.
        const folder = TestSupport.makeFolder("genogram-exports");
        mouseClick(item("saveGenogramButton"));
        const dialog = item("saveGenogramDialog");
        tryCompare(dialog, "opened", true);
        const field = item("familyCopiesFolderFieldInput");
        field.text = folder;
        mouseClick(item("saveGenogramPdfButton"));
        tryVerify(() => item("familyCopiesResult").text.indexOf(".pdf") > 0, 5000);
        mouseClick(item("saveGenogramSvgButton"));
        tryVerify(() => item("familyCopiesResult").text.indexOf(".svg") > 0, 5000);
        mouseClick(item("closeSaveGenogramButton"));
        tryCompare(dialog, "visible", false);
        const ecomapPdf = genogram.saveExport("ecomap", "pdf", folder);
        verify(TestSupport.fileSize(ecomapPdf) > 1000, ecomapPdf);
        const treeSvg = genogram.saveExport("genogram", "svg", folder);
        verify(TestSupport.fileSize(treeSvg) > 500, treeSvg);
        compare(genogram.saveExport("genogram", "png", folder), "");
        verify(genogram.errorString.indexOf("svg") >= 0, genogram.errorString);
    }

    // A family of three generations, built through the controller, for the screenshots:
    // grandparents (one died), a divorce and a remarriage, a half-brother, twins, an adopted
    // child, a household, and lines of closeness, conflict and support. Built on whoever is
    // already there (the touch test's people), so it can run after it on the same store.
    function buildComplexFamily(genogram) {
        const find = name => {
            for (const person of genogram.people) {
                if (person.name === name || person.name.startsWith(name + " "))
                    return person.id;
            }
            return "";
        };
        const add = (from, relationship, name, gender) => {
            const found = find(name);
            if (found.length > 0)
                return found;
            const id = genogram.addRelative(from, relationship, name, gender);
            verify(id.length > 0, name + ": " + genogram.errorString);
            return id;
        };
        const amber = find("Amber");
        genogram.savePerson(amber, {
            "isIndex": true,
            "ageText": "10"
        });
        const mum = add(amber, "parent", "Sarah", "female");
        const dad = add(mum, "partner", "Dev", "male");
        genogram.unpin(dad);
        genogram.addLine(dad, amber, "biological");
        const gran = add(mum, "parent", "Rose", "female");
        const grandad = add(gran, "partner", "Frank", "male");
        genogram.addLine(grandad, mum, "biological");
        genogram.savePerson(grandad, {
            "deceased": true,
            "died": "2019",
            "ageText": "78"
        });
        genogram.savePerson(gran, {
            "ageText": "74",
            "interpreterNeeded": true
        });
        const aunt = add(mum, "sibling", "Jo", "female");
        const uncle = add(mum, "sibling", "Tom", "male");
        const first = add(dad, "partner", "Kim", "female");
        const half = add(first, "child", "Ryan", "male");
        const twinA = add(amber, "sibling", "Lily", "female");
        const twinB = add(amber, "sibling", "Daisy", "female");
        genogram.addLine(twinA, twinB, "identical");
        const adopted = add(aunt, "child", "Sam", "unknown");
        const adoption = genogram.addLine(uncle, adopted, "adopted");
        verify(adoption.length > 0 || genogram.person(adopted).parents === 2, genogram.errorString);
        genogram.addLine(mum, gran, "close");
        genogram.addLine(dad, first, "conflict");
        genogram.addLine(uncle, mum, "support");
        genogram.addLine(half, amber, "close");
        for (const id of [amber, mum, dad, twinA, twinB, find("Leo"), find("Mia")]) {
            if (id.length > 0)
                genogram.setLivesInHousehold(id, true);
        }
        if (genogram.links.length < 5) {
            genogram.addLink("school", "Oakfield Primary", amber, "strong", "");
            genogram.addLink("gp", "Dr Khan", "", "weak", "");
            genogram.addLink("housing", "Council housing", "", "stressful", "Repairs overdue");
            genogram.addLink("voluntary", "Young carers group", twinA, "strong", "");
            genogram.addLink("health_visitor", "", "", "weak", "");
        }
        return genogram.people.length;
    }

    function test_screenshotsOfAComplexFamily() {
        for (const size of [[1280, 800], [800, 1280]]) {
            startApp(size[0], size[1]);
            unlockWithPassphrase();
            openGenogram("Ashdown");
            const genogram = item("genogramController");
            verify(buildComplexFamily(genogram) >= 14);
            const view = item("genogramView");
            view.fitAll();
            save("genogram-" + size[0] + "x" + size[1]);
            verify(item("genogramKey").entryCount >= 10, "the key lists what the drawing uses");
            view.highlightSupport = true;
            save("genogram-support-" + size[0] + "x" + size[1]);
            const mum = idOf(genogram, "Sarah");
            choosePerson(mum);
            save("genogram-person-" + size[0] + "x" + size[1]);
            mouseClick(item("ecomapTab"));
            tryCompare(view, "showEcomap", true);
            save("ecomap-" + size[0] + "x" + size[1]);
            root.main.destroy();
            root.main = null;
            Session.lock();
        }
    }
}

pragma Singleton

import QtQuick

// Sizes and colours of child mode, where hands are small and reading is not needed to
// draw: bigger targets than the practitioner's pages, a warm paper, and the inks.
QtObject {
    // Every control a child taps is at least this big (Theme.touchTarget is for adults).
    readonly property int touchTarget: 72
    readonly property int spacing: 10
    readonly property int margin: 16
    readonly property int radius: 16

    readonly property color background: "#fdf3dc"
    readonly property color paper: "#ffffff"
    readonly property color button: "#ffffff"
    readonly property color buttonDown: "#ffe9a8"
    readonly property color outline: "#c9b99a"
    // The ring round the chosen colour, size or tool: dark enough to see on every ink.
    readonly property color chosen: "#1f2328"
    readonly property color yes: "#2e7d32"
    readonly property color no: "#c62828"

    readonly property int fontLabel: 24
    readonly property int fontKey: 32

    // The inks, in rainbow order, with names for screen readers.
    readonly property var inks: [
        {
            "colour": "#212121",
            "name": qsTr("Black")
        },
        {
            "colour": "#e53935",
            "name": qsTr("Red")
        },
        {
            "colour": "#fb8c00",
            "name": qsTr("Orange")
        },
        {
            "colour": "#fdd835",
            "name": qsTr("Yellow")
        },
        {
            "colour": "#43a047",
            "name": qsTr("Green")
        },
        {
            "colour": "#1e88e5",
            "name": qsTr("Blue")
        },
        {
            "colour": "#8e24aa",
            "name": qsTr("Purple")
        },
        {
            "colour": "#ec407a",
            "name": qsTr("Pink")
        }
    ]
    // Brush widths as a fraction of the drawing's side: thin, middle, thick.
    readonly property var brushes: [0.008, 0.02, 0.04]
    // A placed sticker's width, as a fraction of the drawing's side.
    readonly property real stickerSize: 0.18

    function houseArt(kind: int): string {
        const names = ["house-of-worries", "house-of-good-things", "house-of-dreams"];
        return "qrc:/doorstep/assets/three-houses/" + names[Math.max(0, Math.min(2, kind))] + ".svg";
    }

    function sticker(name: string): string {
        return "qrc:/doorstep/assets/stickers/" + name + ".svg";
    }

    // What a screen reader calls each sticker (the asset names are not words to show).
    readonly property var stickerNames: ({
            "ball": qsTr("Ball"),
            "book": qsTr("Book"),
            "cat": qsTr("Cat"),
            "cloud": qsTr("Cloud"),
            "cross": qsTr("Cross"),
            "dog": qsTr("Dog"),
            "flower": qsTr("Flower"),
            "happy": qsTr("Happy face"),
            "heart": qsTr("Heart"),
            "home": qsTr("Home"),
            "sad": qsTr("Sad face"),
            "star": qsTr("Star"),
            "sun": qsTr("Sun"),
            "tree": qsTr("Tree")
        })

    function stickerName(name: string): string {
        const known = stickerNames[name];
        return known ? known : name;
    }

    function icon(name: string): string {
        return "qrc:/Doorstep/icons/" + name + ".svg";
    }
}

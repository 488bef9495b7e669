pragma Singleton

import QtQuick

// Colours, type and spacing for the whole app, defined once. Colours are chosen
// for WCAG AA contrast against their backgrounds.
QtObject {
    // Right-to-left languages mirror every layout, dialogs included. (1 is Qt.RightToLeft:
    // Qt 6.4's linter does not know the enum.) Writable so a check can mirror a screen.
    property bool rightToLeft: Qt.locale().textDirection === 1

    readonly property color background: "#f7f5f0"
    readonly property color surface: "#ffffff"
    readonly property color text: "#1f2328"
    readonly property color mutedText: "#4f5660"
    readonly property color primary: "#1d5c63"
    readonly property color textOnPrimary: "#ffffff"
    readonly property color danger: "#a4262c"
    // Status colours carry white text (contrast 6.5:1 or more) and always come with words.
    readonly property color warning: "#8a4b00"
    readonly property color success: "#1e6b34"
    readonly property color divider: "#d7d3ca"

    readonly property int touchTarget: 48
    readonly property int spacing: 12
    readonly property int margin: 24
    readonly property int radius: 8

    readonly property int fontSmall: 14
    readonly property int fontBody: 17
    readonly property int fontTitle: 22
    readonly property int fontHeading: 30
}

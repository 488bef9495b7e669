import QtQuick

// A picture (SVG art, icons, stickers) drawn sharp at whatever size it is shown: its
// source size follows its size. (Set from script: Qt 6.4's linter cannot check a
// sourceSize binding.)
Image {
    id: root

    function fit() {
        if (root.width > 0 && root.height > 0)
            root.sourceSize = Qt.size(Math.ceil(root.width), Math.ceil(root.height));
    }

    fillMode: Image.PreserveAspectFit
    Accessible.ignored: true
    onWidthChanged: root.fit()
    onHeightChanged: root.fit()
    Component.onCompleted: root.fit()
}

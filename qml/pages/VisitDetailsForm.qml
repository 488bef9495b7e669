pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// When and where the visit happened, who was there, which children were seen.
GridLayout {
    id: root

    required property VisitController controller

    columns: width > 700 ? 2 : 1
    columnSpacing: Theme.margin
    rowSpacing: Theme.spacing

    LabelledField {
        objectName: "visitAtField"
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        label: qsTr("Date and time")
        text: root.controller.visitAtText
        readOnly: root.controller.isFinal
        onEdited: value => root.controller.setVisitAtText(value)
    }

    LabelledField {
        objectName: "locationField"
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        label: qsTr("Where the visit took place")
        text: root.controller.location
        readOnly: root.controller.isFinal
        onEdited: value => root.controller.location = value
    }

    LabelledField {
        objectName: "presentField"
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        label: qsTr("Who was present")
        text: root.controller.present
        readOnly: root.controller.isFinal
        onEdited: value => root.controller.present = value
    }

    LabelledField {
        objectName: "interpreterField"
        Layout.fillWidth: true
        Layout.preferredWidth: 1
        label: qsTr("Interpreter language (if one was used)")
        text: root.controller.interpreterLanguage
        readOnly: root.controller.isFinal
        onEdited: value => root.controller.interpreterLanguage = value
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.columnSpan: root.columns
        spacing: 4

        Label {
            text: qsTr("Children seen")
            font.pixelSize: Theme.fontSmall
            font.bold: true
            color: Theme.mutedText
        }

        Label {
            visible: root.controller.children.length === 0
            text: qsTr("No children are recorded in this family.")
            font.pixelSize: Theme.fontBody
            color: Theme.mutedText
        }

        Repeater {
            model: root.controller.children

            delegate: RowLayout {
                id: childRow

                required property var modelData
                required property int index

                Layout.fillWidth: true
                spacing: Theme.spacing

                Label {
                    Layout.fillWidth: true
                    //: A child's name and age: "Ola Brightwell, 10 months old".
                    text: qsTr("%1, %2").arg(childRow.modelData.name).arg(childRow.modelData.age)
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    elide: Text.ElideRight
                }

                CheckBox {
                    objectName: "childSeen" + childRow.index
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("Seen")
                    font.pixelSize: Theme.fontBody
                    checked: childRow.modelData.seen
                    enabled: !root.controller.isFinal
                    Accessible.name: qsTr("%1 was seen").arg(childRow.modelData.name)
                    onToggled: root.controller.setChildSeen(childRow.modelData.personId, checked, childRow.modelData.seenAlone)
                }

                CheckBox {
                    objectName: "childAlone" + childRow.index
                    Layout.preferredHeight: Theme.touchTarget
                    text: qsTr("Seen alone")
                    font.pixelSize: Theme.fontBody
                    checked: childRow.modelData.seenAlone
                    enabled: !root.controller.isFinal && childRow.modelData.seen
                    Accessible.name: qsTr("%1 was seen alone").arg(childRow.modelData.name)
                    onToggled: root.controller.setChildSeen(childRow.modelData.personId, true, checked)
                }
            }
        }
    }
}

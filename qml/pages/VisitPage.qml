pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// A home visit: recorded as the practitioner types, finalised, then amended by dated notes.
Page {
    id: root

    required property string familyId
    required property string visitId

    signal back

    objectName: "visitPage"
    background: Rectangle {
        color: Theme.background
    }

    VisitController {
        id: visit

        objectName: "visitController"
        session: Session
        familyId: root.familyId
        visitId: root.visitId
    }

    StackView.onRemoved: visit.saveNow()

    header: VisitHeader {
        controller: visit
        onBack: {
            visit.saveNow();
            root.back();
        }
    }

    Flickable {
        id: flick

        anchors.fill: parent
        contentHeight: form.implicitHeight + 2 * Theme.margin
        clip: true

        ColumnLayout {
            id: form

            x: Theme.margin
            y: Theme.margin
            width: flick.width - 2 * Theme.margin
            spacing: Theme.spacing

            Label {
                objectName: "visitError"
                Layout.fillWidth: true
                visible: visit.errorString.length > 0
                text: visit.errorString
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                wrapMode: Text.WordWrap
            }

            VisitDetailsForm {
                Layout.fillWidth: true
                controller: visit
            }

            VisitSignsOfSafety {
                Layout.fillWidth: true
                controller: visit
                columns: root.width > root.height ? 3 : 1
            }

            VisitAmendments {
                Layout.fillWidth: true
                visible: visit.isFinal
                controller: visit
            }
        }
    }
}

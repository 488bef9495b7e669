import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Saves the family tree or the ecomap as a PDF (to print, or to keep with the plan) or as
// an SVG (to open in another program), into a folder the practitioner chooses.
AppDialog {
    id: root

    required property GenogramController controller
    /// "genogram" or "ecomap".
    property string what: "genogram"

    objectName: "saveGenogramDialog"
    title: root.what === "ecomap" ? qsTr("Save the ecomap") : qsTr("Save the family tree")
    onAboutToShow: copies.showResult("", "")

    ColumnLayout {
        width: root.availableWidth
        spacing: Theme.spacing

        FamilyCopiesCard {
            id: copies

            Layout.fillWidth: true
            defaultFolder: root.controller.defaultExportFolder
            padding: 0
            background: null

            Button {
                objectName: "saveGenogramPdfButton"
                height: Theme.touchTarget
                highlighted: true
                text: qsTr("Save as PDF")
                font.pixelSize: Theme.fontBody
                onClicked: copies.showResult(root.controller.saveExport(root.what, "pdf", copies.folder), root.controller.errorString)
            }

            Button {
                objectName: "saveGenogramSvgButton"
                height: Theme.touchTarget
                text: qsTr("Save as SVG")
                font.pixelSize: Theme.fontBody
                onClicked: copies.showResult(root.controller.saveExport(root.what, "svg", copies.folder), root.controller.errorString)
            }
        }

        RowLayout {
            Layout.fillWidth: true

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "closeSaveGenogramButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Close")
                font.pixelSize: Theme.fontBody
                onClicked: root.close()
            }
        }
    }
}

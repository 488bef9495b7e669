import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// One signed consent: whose it is and its status today, what it covers, who gave it,
// when it runs to, the signature drawn again from its strokes, and its signed form: a
// button to save it as a PDF when it is on this tablet, or a line saying why not.
Rectangle {
    id: root

    required property string consentId
    required property string personName
    required property int consentState
    required property string statusText
    required property string agenciesText
    required property string purpose
    required property string signedOnText
    required property string expiresOnText
    required property string givenByText
    required property bool canWithdraw
    required property var signature
    required property int formState
    required property string formText

    // Where the last save of the form went, or why nothing was saved.
    property string savedPath
    property string saveFailure

    signal withdrawRequested(string consentId)
    signal saveFormRequested(string consentId)

    // Call with the path saving the form returned, and the controller's error for an empty one.
    function showSaveResult(path, error) {
        root.savedPath = path;
        root.saveFailure = path.length > 0 ? "" : error;
    }

    objectName: "consent_" + root.consentId
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    color: Theme.surface
    Accessible.role: Accessible.ListItem
    Accessible.name: qsTr("Consent of %1: %2. Shared with %3 for %4. Signed %5, expires %6. %7.").arg(root.personName).arg(root.statusText).arg(root.agenciesText).arg(root.purpose).arg(root.signedOnText).arg(root.expiresOnText).arg(root.givenByText)

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 1
        color: Theme.divider
    }

    ColumnLayout {
        id: column

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.personName
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            StatusBadge {
                objectName: "consentStatus"
                text: root.statusText
                tone: root.consentState === ConsentListModel.Valid ? StatusBadge.Success : root.consentState === ConsentListModel.Expiring ? StatusBadge.Warning : root.consentState === ConsentListModel.None ? StatusBadge.Neutral : StatusBadge.Danger
            }
        }

        DetailRow {
            objectName: "consentAgencies"
            label: qsTr("Share with")
            value: root.agenciesText
        }

        DetailRow {
            objectName: "consentPurpose"
            label: qsTr("For")
            value: root.purpose
        }

        DetailRow {
            objectName: "consentDates"
            label: qsTr("Signed")
            value: qsTr("%1, expires %2").arg(root.signedOnText).arg(root.expiresOnText)
        }

        DetailRow {
            objectName: "consentGivenBy"
            label: qsTr("Given by")
            value: root.givenByText
        }

        SignaturePad {
            objectName: "consentSignature"
            Layout.preferredWidth: Math.min(column.width, 360)
            Layout.preferredHeight: width / aspectRatio
            visible: root.signature.length > 0
            readOnly: true
            strokes: root.signature
            accessibleName: qsTr("Signature on the consent of %1").arg(root.personName)
        }

        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: root.signature.length === 0
            text: qsTr("No signature is stored with this consent.")
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }

        Label {
            objectName: "consentFormNote"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: root.formText.length > 0
            text: root.formText
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
            wrapMode: Text.WordWrap
        }

        Flow {
            Layout.fillWidth: true
            visible: saveFormButton.visible || withdrawButton.visible
            spacing: Theme.spacing

            Button {
                id: saveFormButton

                objectName: "saveFormButton"
                visible: root.formState === ConsentListModel.Here
                height: Theme.touchTarget
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                text: qsTr("Save signed form as PDF")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Save the signed consent form of %1 as a PDF file").arg(root.personName)
                onClicked: root.saveFormRequested(root.consentId)
            }

            Button {
                id: withdrawButton

                objectName: "withdrawButton"
                visible: root.canWithdraw
                height: Theme.touchTarget
                leftPadding: Theme.margin
                rightPadding: Theme.margin
                text: qsTr("Withdraw…")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Withdraw the consent of %1").arg(root.personName)
                onClicked: root.withdrawRequested(root.consentId)
            }
        }

        Label {
            objectName: "consentFormResult"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: text.length > 0
            text: root.savedPath.length > 0 ? qsTr("Saved as %1").arg(root.savedPath) : root.saveFailure
            color: root.savedPath.length > 0 ? Theme.success : Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
    }
}

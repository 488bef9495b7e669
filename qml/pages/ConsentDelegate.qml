import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// One signed consent: whose it is and its status today, what it covers, who gave it,
// when it runs to, and the signature drawn again from its strokes.
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

    signal withdrawRequested(string consentId)

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

        Button {
            objectName: "withdrawButton"
            visible: root.canWithdraw
            Layout.preferredHeight: Theme.touchTarget
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            text: qsTr("Withdraw…")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Withdraw the consent of %1").arg(root.personName)
            onClicked: root.withdrawRequested(root.consentId)
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// One family member on the consent page: their consent standing today and the button
// that records a new consent for them.
Rectangle {
    id: root

    required property string personId
    required property string name
    required property string roleText
    required property int consentStatus
    required property string consentText

    signal recordRequested(string personId)

    objectName: "consentPerson_" + root.personId
    implicitHeight: Math.max(Theme.touchTarget, layout.implicitHeight + 2 * Theme.spacing)
    color: Theme.surface
    Accessible.role: Accessible.ListItem
    Accessible.name: root.roleText.length > 0 ? qsTr("%1, %2. %3.").arg(root.name).arg(root.roleText).arg(root.consentText) : qsTr("%1. %2.").arg(root.name).arg(root.consentText)

    Rectangle {
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: 1
        color: Theme.divider
    }

    // Name and badge on the left, the button on the right; the button drops below when
    // the column is too narrow for both.
    GridLayout {
        id: layout

        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        columns: root.width >= 520 ? 2 : 1
        columnSpacing: Theme.spacing
        rowSpacing: 6

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4

            Label {
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignLeft
                text: root.roleText.length > 0 ? qsTr("%1 · %2").arg(root.name).arg(root.roleText) : root.name
                font.pixelSize: Theme.fontBody
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }

            StatusBadge {
                objectName: "personConsentStatus"
                text: root.consentText
                tone: root.consentStatus === MemberListModel.Valid ? StatusBadge.Success : root.consentStatus === MemberListModel.Expiring ? StatusBadge.Warning : root.consentStatus === MemberListModel.None ? StatusBadge.Neutral : StatusBadge.Danger
            }
        }

        Button {
            objectName: "recordConsent_" + root.personId
            Layout.preferredHeight: Theme.touchTarget
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            text: qsTr("Record consent")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Record consent for %1").arg(root.name)
            onClicked: root.recordRequested(root.personId)
        }
    }
}

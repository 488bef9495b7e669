import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// Asks before withdrawing a consent. The withdrawal is a new record dated today; the
// signed consent itself stays, shown as withdrawn.
AppDialog {
    id: root

    required property ConsentController controller
    property string consentId: ""
    property string personName: ""
    property string agenciesText: ""

    function ask(consentId, personName, agenciesText) {
        root.controller.clearWithdrawError();
        root.consentId = consentId;
        root.personName = personName;
        root.agenciesText = agenciesText;
        root.open();
    }

    objectName: "withdrawConsentDialog"
    width: Math.min(parent ? parent.width - 2 * Theme.margin : 760, 620)
    focus: true
    title: qsTr("Withdraw consent?")

    ColumnLayout {
        width: root.availableWidth
        spacing: Theme.spacing

        Label {
            objectName: "withdrawQuestion"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            text: qsTr("%1's consent to share information with %2 will end today, %3. The signed consent stays on the record, shown as withdrawn; to share again, record a new consent.").arg(root.personName).arg(root.agenciesText).arg(root.controller.todayText)
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.WordWrap
        }

        Label {
            objectName: "withdrawError"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignLeft
            visible: text.length > 0
            text: root.controller.withdrawError
            color: Theme.danger
            font.pixelSize: Theme.fontBody
            wrapMode: Text.WordWrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Item {
                Layout.fillWidth: true
            }

            Button {
                objectName: "cancelWithdrawButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Keep the consent")
                font.pixelSize: Theme.fontBody
                Accessible.name: qsTr("Keep the consent and go back")
                onClicked: root.close()
            }

            Button {
                objectName: "confirmWithdrawButton"
                Layout.preferredHeight: Theme.touchTarget
                text: qsTr("Withdraw consent")
                font.pixelSize: Theme.fontBody
                highlighted: true
                Accessible.name: qsTr("Withdraw the consent of %1").arg(root.personName)
                onClicked: {
                    if (root.controller.withdraw(root.consentId))
                        root.close();
                }
            }
        }
    }
}

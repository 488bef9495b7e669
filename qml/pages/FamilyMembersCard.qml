pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Doorstep
import Doorstep.Models

// The family's members, oldest first, with the buttons to their consents and to add one.
SectionCard {
    id: root

    required property FamilyController controller

    signal addRequested
    signal consentRequested
    /// A child member's three houses.
    signal threeHousesRequested(string personId)

    objectName: "membersCard"
    title: qsTr("Members (%1)").arg(root.controller.members.count)
    action: [
        Button {
            objectName: "consentButton"
            Layout.preferredHeight: Theme.touchTarget
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            text: qsTr("Consent")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Consent to share information")
            onClicked: root.consentRequested()
        },
        Button {
            objectName: "addMemberButton"
            Layout.preferredHeight: Theme.touchTarget
            leftPadding: Theme.margin
            rightPadding: Theme.margin
            text: qsTr("Add a member")
            font.pixelSize: Theme.fontBody
            Accessible.name: qsTr("Add a family member")
            onClicked: root.addRequested()
        }
    ]

    Repeater {
        objectName: "memberRepeater"
        model: root.controller.members

        MemberDelegate {
            id: member

            Layout.fillWidth: true
            showConsent: root.controller.hasConsents
            onThreeHousesRequested: root.threeHousesRequested(member.personId)
        }
    }

    Label {
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignLeft
        visible: root.controller.members.count === 0
        text: qsTr("No members recorded yet.")
        font.pixelSize: Theme.fontBody
        color: Theme.mutedText
    }
}

import Doorstep
import Doorstep.Models

// The family at a glance: address and language, the referral, the lead practitioner and
// the plan's status.
SectionCard {
    id: root

    required property FamilyController controller

    title: qsTr("Family")

    DetailRow {
        objectName: "addressDetail"
        label: qsTr("Address")
        value: root.controller.address.length > 0 && root.controller.postcode.length > 0 ? qsTr("%1, %2").arg(root.controller.address).arg(root.controller.postcode) : root.controller.address.length > 0 ? root.controller.address : root.controller.postcode.length > 0 ? root.controller.postcode : qsTr("Not recorded")
    }

    DetailRow {
        objectName: "languageDetail"
        label: qsTr("Language")
        value: root.controller.language.length === 0 ? qsTr("Not recorded") : root.controller.interpreterNeeded ? qsTr("%1 (interpreter needed)").arg(root.controller.language) : root.controller.language
        emphasis: root.controller.interpreterNeeded
    }

    DetailRow {
        objectName: "referralDetail"
        label: qsTr("Referred by")
        value: root.controller.hasReferral ? qsTr("%1, on %2").arg(root.controller.referralSource).arg(root.controller.referredOn) : qsTr("No referral recorded")
    }

    DetailRow {
        objectName: "levelOfNeedDetail"
        visible: root.controller.hasReferral
        label: qsTr("Level of need")
        value: root.controller.levelOfNeedText
    }

    DetailRow {
        visible: root.controller.referralReason.length > 0
        label: qsTr("Reason for referral")
        value: root.controller.referralReason
    }

    DetailRow {
        objectName: "leadPractitionerDetail"
        label: qsTr("Lead practitioner")
        value: !root.controller.hasLeadPractitioner ? qsTr("Not allocated") : root.controller.leadPractitionerTeam.length > 0 ? qsTr("%1, %2 team, since %3").arg(root.controller.leadPractitionerName).arg(root.controller.leadPractitionerTeam).arg(root.controller.allocatedOn) : qsTr("%1, since %2").arg(root.controller.leadPractitionerName).arg(root.controller.allocatedOn)
    }

    DetailRow {
        objectName: "planDetail"
        label: qsTr("My Family Plan")
        value: !root.controller.hasPlan ? qsTr("Not started") : root.controller.planStartedOn.length > 0 ? qsTr("%1, started %2").arg(root.controller.planStatus).arg(root.controller.planStartedOn) : root.controller.planStatus
    }
}

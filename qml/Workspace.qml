pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Doorstep

// The unlocked app: a stack of pages from the caseload down to one family's records.
StackView {
    id: stack

    objectName: "pageStack"
    initialItem: CaseloadPage {
        onFamilyChosen: familyId => stack.push(familyPage, {
            "familyId": familyId
        })
    }

    Component {
        id: familyPage

        FamilyPage {
            id: family

            onBack: stack.pop()
            onVisitChosen: visitId => stack.push(visitPage, {
                "familyId": family.familyId,
                "visitId": visitId
            })
            onPlanChosen: stack.push(planPage, {
                "familyId": family.familyId
            })
            onClosureChosen: stack.push(closurePage, {
                "familyId": family.familyId
            })
            onConsentChosen: stack.push(consentPage, {
                "familyId": family.familyId
            })
        }
    }

    Component {
        id: visitPage

        VisitPage {
            onBack: stack.pop()
        }
    }

    Component {
        id: planPage

        PlanPage {
            onBack: stack.pop()
        }
    }

    Component {
        id: closurePage

        ClosurePage {
            onBack: stack.pop()
        }
    }

    Component {
        id: consentPage

        ConsentPage {
            onBack: stack.pop()
        }
    }
}

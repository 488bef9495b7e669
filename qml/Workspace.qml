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
        }
    }

    Component {
        id: visitPage

        VisitPage {
            onBack: stack.pop()
        }
    }
}

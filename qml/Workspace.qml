pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Doorstep
import Doorstep.Models

// The unlocked app: a stack of pages from the caseload down to one family's records.
StackView {
    id: stack

    /// The practitioner hands the tablet to a child: Main comes back to their three houses
    /// page when child mode ends.
    signal childModeStarting(string familyId, string personId)

    /// Opens a child's three houses page over their family's page, without animation (the
    /// way back after child mode).
    function openThreeHouses(familyId: string, personId: string) {
        stack.push(familyPage, {
            "familyId": familyId
        }, StackView.Immediate);
        stack.push(threeHousesPage, {
            "familyId": familyId,
            "personId": personId
        }, StackView.Immediate);
    }

    objectName: "pageStack"
    initialItem: CaseloadPage {
        sync: syncController
        onFamilyChosen: familyId => stack.push(familyPage, {
            "familyId": familyId
        })
        onTeamChosen: stack.push(teamPage)
    }

    // One for the whole unlocked app, so a sync goes on whichever page is showing.
    SyncController {
        id: syncController

        objectName: "syncController"
        session: Session
        active: true
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
            onGenogramChosen: stack.push(genogramPage, {
                "familyId": family.familyId
            })
            onClosureChosen: stack.push(closurePage, {
                "familyId": family.familyId
            })
            onConsentChosen: stack.push(consentPage, {
                "familyId": family.familyId
            })
            onAuditChosen: stack.push(familyAuditPage, {
                "familyId": family.familyId,
                "familyName": family.familyName
            })
            onThreeHousesChosen: personId => stack.push(threeHousesPage, {
                "familyId": family.familyId,
                "personId": personId
            })
        }
    }

    Component {
        id: familyAuditPage

        FamilyAuditPage {
            onBack: stack.pop()
        }
    }

    Component {
        id: teamPage

        TeamPage {
            onBack: stack.pop()
            onFamilyChosen: familyId => stack.push(familyPage, {
                "familyId": familyId
            })
        }
    }

    Component {
        id: threeHousesPage

        ThreeHousesPage {
            id: houses

            onBack: stack.pop()
            onHandingToChild: stack.childModeStarting(houses.familyId, houses.personId)
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
        id: genogramPage

        GenogramPage {
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

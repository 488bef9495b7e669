pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import Doorstep
import Doorstep.Models

ApplicationWindow {
    id: root

    width: 1280
    height: 800
    visible: true
    title: qsTr("Doorstep")
    color: Theme.background

    // Locked, the window holds the unlock page only: no case data exists in the tree.
    Loader {
        id: pageLoader

        anchors.fill: parent
        // Right-to-left languages mirror every layout beneath. 1 is Qt.RightToLeft, which
        // Qt 6.4's qmllint cannot resolve.
        LayoutMirroring.enabled: Qt.locale().textDirection === 1
        LayoutMirroring.childrenInherit: true
        sourceComponent: Session.unlocked ? workspace : unlockPage
    }

    // After the day's first passphrase unlock, offer a PIN for the rest of the day.
    property bool unlocked: Session.unlocked

    onUnlockedChanged: {
        if (root.unlocked && !Session.pinAvailable)
            pinSetup.open();
        else
            pinSetup.close();
    }

    PinSetupDialog {
        id: pinSetup

        anchors.centerIn: parent
        width: Math.min(root.width - 2 * Theme.margin, 520)
    }

    Component {
        id: unlockPage

        UnlockPage {}
    }

    Component {
        id: workspace

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
                id: consentPage

                ConsentPage {
                    onBack: stack.pop()
                }
            }
        }
    }
}

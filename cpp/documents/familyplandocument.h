#pragma once

#include "domain/threehouses.h"
#include "genogram/ecomap.h"
#include "genogram/ecomaplayout.h"
#include "genogram/genogram.h"
#include "genogram/genogramlayout.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace doorstep
{

/// The family's printed copy of their My Family Plan: everyone's goals in their own words,
/// who does what by when, what each review decided, and the houses each child chose to share.
struct FamilyPlanDocument {
    /// How a goal is going; the same four states as a goal record in the store.
    enum class GoalStatus {
        Open, ///< still being worked on
        Achieved,
        NotAchieved,
        Withdrawn, ///< the family and practitioner agreed to stop working on it
    };

    /// One goal, worded as the family worded it.
    struct Goal {
        QString words;
        GoalStatus status = GoalStatus::Open;
    };

    /// A member of the family and their goals. An empty name means goals for the whole family.
    struct Member {
        QString name;
        QList<Goal> goals;
    };

    /// Something someone agreed to do.
    struct Action {
        QString description;
        QString who;
        QDate dueOn; ///< invalid when no date was agreed
        bool done = false;
    };

    /// A review meeting of the plan.
    struct Review {
        QDate heldOn;
        QStringList attendees;
        QString outcome;
    };

    /// A child who agreed to share at least one of their three houses, and only those houses:
    /// a house the child keeps private never reaches this document.
    struct ChildVoice {
        QString name; ///< the child's first name
        std::optional<int> age; ///< in whole years on the plan's date, when known
        QList<House> sharedHouses; ///< worries, good things, dreams; each one shareAllowed
    };

    /// The family's genogram as the practitioner drew it with them, laid out.
    struct GenogramPicture {
        Genogram genogram;
        GenogramLayout layout;
        QString familyLabel; ///< "The Ashdown family"
    };

    /// The family's ecomap: who helps them and how that feels.
    struct EcomapPicture {
        QString familyLabel;
        QList<EcomapLink> links;
        QList<EcomapLayout::Member> members; ///< listed in the family's circle
    };

    QString familyName;
    QDate date; ///< the day this copy was made
    QList<Member> members;
    QList<Action> actions;
    QList<Review> reviews; ///< in the order they should be printed, usually oldest first
    QString practitionerName;
    QList<ChildVoice> childVoices; ///< oldest child first; no child without a shared house
    /// Printed, with its key, under "Our family and who helps us" when set and not empty.
    std::optional<GenogramPicture> genogram;
    std::optional<EcomapPicture> ecomap; ///< the same section; left out when it has no links
};

} // namespace doorstep

#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace doorstep
{

/// The family's printed copy of their My Family Plan: everyone's goals in their own words,
/// who does what by when, and what each review decided.
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

    QString familyName;
    QDate date; ///< the day this copy was made
    QList<Member> members;
    QList<Action> actions;
    QList<Review> reviews; ///< in the order they should be printed, usually oldest first
    QString practitionerName;
};

} // namespace doorstep

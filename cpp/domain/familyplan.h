#pragma once

#include "domain/goal.h"
#include "domain/person.h"
#include "domain/plan.h"
#include "domain/planaction.h"
#include "domain/review.h"

#include <QList>
#include <QString>

namespace doorstep
{

/// A whole My Family Plan as the family would read it: the plan, the members its goals
/// belong to, its goals, its actions and the reviews held, in the order the app shows them.
/// What a plan document is rendered from.
struct FamilyPlan {
    QString familyName;
    Plan plan;
    /// Live members of the family, oldest first; a goal's personId names one of them.
    QList<Person> members;
    QList<Goal> goals;
    QList<PlanAction> actions;
    /// Newest first.
    QList<Review> reviews;
};

} // namespace doorstep

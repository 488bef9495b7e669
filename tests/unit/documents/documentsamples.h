#pragma once

#include "documents/consentformdocument.h"
#include "documents/crisiscarddocument.h"
#include "documents/endingletterdocument.h"
#include "documents/familyplandocument.h"

#include <QDate>
#include <QPointF>
#include <QString>
#include <cmath>

// Fictional families in the words families really use, for the documents tests.
namespace doorstep::test
{

using GoalStatus = FamilyPlanDocument::GoalStatus;

inline const QString arabicGoal
    = QStringLiteral("أريد أن أوصل أطفالي إلى المدرسة في الوقت المحدد كل يوم");
inline const QString hebrewGoal = QStringLiteral("אני רוצה לישון טוב יותר בלילה");

inline FamilyPlanDocument ashdownPlan()
{
    FamilyPlanDocument plan;
    plan.familyName = QStringLiteral("Ashdown");
    plan.date = QDate(2026, 3, 12);
    plan.practitionerName = QStringLiteral("Jo Okafor");
    plan.members = {
        { QStringLiteral("Sam Ashdown (Mum)"),
            { { QStringLiteral("Get Jayden and Mia to school on time every day, even on "
                               "Mondays."),
                  GoalStatus::Open },
                { QStringLiteral("Stop shouting when I'm stressed - take 5 minutes in the "
                                 "garden instead."),
                    GoalStatus::Achieved } } },
        { QStringLiteral("Jayden Ashdown (9)"),
            { { QStringLiteral("I want to go to football club on Saturdays."),
                  GoalStatus::Achieved },
                { QStringLiteral("I want to tell someone when the other boys are mean to me."),
                    GoalStatus::Open } } },
        { QStringLiteral("Mia Ashdown (6)"),
            { { QStringLiteral("Sleep in my own bed all night."), GoalStatus::NotAchieved } } },
        { QString(),
            { { QStringLiteral("Eat tea together at the table three times a week."),
                  GoalStatus::Open },
                { QStringLiteral("Move to a bigger flat."), GoalStatus::Withdrawn } } },
    };
    plan.actions = {
        { QStringLiteral("Ask the school about a breakfast club place for Mia"),
            QStringLiteral("Jo (family practitioner)"), QDate(2026, 3, 20), true },
        { QStringLiteral("Set two alarms on school nights"), QStringLiteral("Sam"),
            QDate(2026, 3, 16), false },
        { QStringLiteral("Find out when football club starts again after Easter"),
            QStringLiteral("Lee (Dad)"), QDate(2026, 4, 10), false },
        { QStringLiteral("Tell Mrs Patel (class teacher) about the boys at break time"),
            QStringLiteral("Jayden with Sam"), QDate(), false },
    };
    plan.reviews = {
        { QDate(2026, 2, 5),
            { QStringLiteral("Sam"), QStringLiteral("Lee"), QStringLiteral("Jo Okafor"),
                QStringLiteral("Mrs Patel (school)") },
            QStringLiteral("Mornings are better: Jayden was late twice in three weeks, not "
                           "every day.\nSam has used the garden break most days and says "
                           "the house feels calmer.") },
    };
    return plan;
}

/// A family with five members and many goals, actions and reviews: runs over several pages.
inline FamilyPlanDocument longPlan()
{
    FamilyPlanDocument plan = ashdownPlan();
    plan.familyName = QStringLiteral("Brightwell");
    plan.members.clear();
    const QStringList names = { QStringLiteral("Kerry Brightwell (Mum)"),
        QStringLiteral("Dean Brightwell (Dad)"), QStringLiteral("Tyler Brightwell (15)"),
        QStringLiteral("Shannon Brightwell (12)"), QStringLiteral("Alfie Brightwell (4)") };
    for (int member = 0; member < names.size(); ++member) {
        FamilyPlanDocument::Member person { names.at(member), {} };
        for (int goal = 1; goal <= 6; ++goal) {
            person.goals.append({ QStringLiteral("Goal %1.%2: I want things at home to be "
                                                 "calmer so that we can talk to each other "
                                                 "without arguing, and I want to keep going "
                                                 "with it even when it is hard.")
                                      .arg(member + 1)
                                      .arg(goal),
                GoalStatus(goal % 4) });
        }
        plan.members.append(person);
    }
    plan.actions.clear();
    for (int action = 1; action <= 15; ++action) {
        plan.actions.append({ QStringLiteral("Action %1: phone the housing officer about the "
                                             "damp in the back bedroom")
                                  .arg(action),
            QStringLiteral("Kerry"), QDate(2026, 4, 1).addDays(action), action % 3 == 0 });
    }
    plan.reviews.clear();
    for (int review = 1; review <= 4; ++review) {
        plan.reviews.append({ QDate(2026, 1, 8).addDays(35 * review),
            { QStringLiteral("Kerry"), QStringLiteral("Dean"), QStringLiteral("Jo Okafor") },
            QStringLiteral("Review %1 outcome: Tyler has been to school every day this week. "
                           "Kerry and Dean have used the calm-down plan twice. Everyone "
                           "agreed to keep going with the plan until the next review.\n"
                           "Next time we will look at Alfie's nursery place.")
                .arg(review) });
    }
    return plan;
}

inline CrisisCardDocument carrowCard()
{
    CrisisCardDocument card;
    card.familyName = QStringLiteral("Carrow");
    card.madeOn = QDate(2026, 5, 21);
    card.warningSigns = QStringLiteral("Mum stops getting dressed and stays in bed in the day.\n"
                                       "Kai stops going to school or won't say where he's been.\n"
                                       "The bills pile up on the side and nobody opens the post.");
    card.whatToDo = QStringLiteral("Talk to each other at tea time - say \"I'm not OK\" out loud.\n"
                                   "Mum rings Gran or Dr Shah the same day.\n"
                                   "Kai can talk to Mr Evans at school.");
    card.whoToCall = {
        { QStringLiteral("Gran (Pat)"), QStringLiteral("07700 900123") },
        { QStringLiteral("Dr Shah, Riverside Surgery"), QStringLiteral("0161 496 0000") },
        { QStringLiteral("Early Help front door"), QStringLiteral("0161 496 0999") },
        { QStringLiteral("Samaritans (any time, free)"), QStringLiteral("116 123") },
    };
    return card;
}

inline EndingLetterDocument ashdownLetter()
{
    EndingLetterDocument letter;
    letter.familyName = QStringLiteral("Ashdown");
    letter.addressedTo = QStringLiteral("Sam, Lee, Jayden and Mia");
    letter.writtenOn = QDate(2026, 7, 2);
    letter.progress = QStringLiteral(
        "When we first met in January, mornings were a battle and Jayden was late for school "
        "most days. You told me you felt like you were shouting all the time.\n"
        "Six months on, Jayden has not been late once this term, and Mia has a place at "
        "breakfast club that she loves. Sam, you found your own way to calm down when things "
        "get too much, and you have kept it up.\n"
        "You did this yourselves. I have been proud to work with you.");
    letter.achievedGoals = { QStringLiteral("Get Jayden and Mia to school on time every day, "
                                            "even on Mondays."),
        QStringLiteral("Stop shouting when I'm stressed - take 5 minutes in the garden "
                       "instead."),
        QStringLiteral("I want to go to football club on Saturdays.") };
    letter.whereToGetHelp = QStringLiteral(
        "Your crisis card has the numbers to call if things get hard again.\n"
        "Mrs Patel at Riverside Primary is there for Jayden and Mia.\n"
        "You can ask for help from the Early Help team yourselves at any time: ring "
        "0161 496 0999.");
    letter.practitionerName = QStringLiteral("Jo Okafor");
    letter.serviceName = QStringLiteral("Riverside Early Help Service");
    return letter;
}

/// A signature drawn with a finger: a looped "S", a joined "Ashdown" line and the dot of a
/// tap, normalised to the 3:1 signature box as the pad stores it.
inline QList<QList<QPointF>> samSignature()
{
    QList<QPointF> loop;
    for (int step = 0; step <= 40; ++step) {
        const double t = step / 40.0;
        loop.append(QPointF(
            0.08 + 0.06 * std::cos(t * 6.0) + 0.04 * t, 0.45 - 0.25 * std::sin(t * 3.1) + 0.3 * t));
    }
    QList<QPointF> name;
    for (int step = 0; step <= 80; ++step) {
        const double t = step / 80.0;
        name.append(QPointF(0.2 + 0.62 * t, 0.6 - 0.18 * std::abs(std::sin(t * 18.0)) - 0.1 * t));
    }
    return { loop, name, { QPointF(0.88, 0.3) } };
}

/// Sam's consent, given for himself, to share his information with three agencies for a year.
inline ConsentFormDocument ashdownConsent()
{
    ConsentFormDocument form;
    form.familyName = QStringLiteral("Ashdown");
    form.personName = QStringLiteral("Sam Ashdown");
    form.givenBySelf = true;
    form.signatoryName = QStringLiteral("Sam Ashdown");
    form.agencies
        = { QStringLiteral("School"), QStringLiteral("Health"), QStringLiteral("Housing") };
    form.purpose = QStringLiteral(
        "So that Jayden's school and the health visitor know what support the family already "
        "has, and can plan the breakfast club place with us.\n"
        "So that the housing officer can see why we need a bigger flat.");
    form.signedOn = QDate(2026, 3, 12);
    form.expiresOn = QDate(2027, 3, 12);
    form.practitionerName = QStringLiteral("Jo Okafor");
    form.signature = samSignature();
    return form;
}

} // namespace doorstep::test

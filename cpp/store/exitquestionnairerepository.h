#pragma once

#include "domain/result.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <optional>

namespace doorstep
{

class Store;

/// A family's answers to the exit questionnaire at closure (DOMAIN.md): each question
/// answered yes, partly or no, or not (empty).
struct ExitQuestionnaire {
    QString id;
    QString familyId;
    QDate answeredOn;
    QString assessmentEasy;
    QString assessmentFair;
    QString planClear;
    QString comments;
};

/// The answers of every family on the tablet (a supervisor's: the team's), question by
/// question: how many said each of yes, partly and no.
struct ExitQuestionnaireTotals {
    int families = 0;
    /// By question field (assessment_easy, assessment_fair, plan_clear), then answer.
    QHash<QString, QHash<QString, int>> answers;
    int count(const QString &question, const QString &answer) const
    {
        return answers.value(question).value(answer);
    }
};

/// Reads exit questionnaires.
class ExitQuestionnaireRepository
{
public:
    /// The questions, in the order the family is asked them.
    static const QStringList &questions();

    explicit ExitQuestionnaireRepository(Store &store)
        : m_store(store)
    {
    }

    /// The family's latest live answers; nothing when they have none.
    Result<std::optional<ExitQuestionnaire>> forFamily(const QString &familyId) const;
    /// Totals over every live family's latest answers.
    Result<ExitQuestionnaireTotals> totals() const;

private:
    Store &m_store;
};

} // namespace doorstep

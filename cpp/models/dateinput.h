#pragma once

#include <QDate>
#include <QString>
#include <optional>

namespace doorstep
{

/// Reads a date as a practitioner types it: day/month/year as written in England
/// ("14/03/2016", also with dots or dashes) or ISO ("2016-03-14").
class DateInput
{
public:
    /// nullopt for empty text; *ok is false when the text is not a date.
    static std::optional<QDate> parse(const QString &text, bool *ok);
    /// How a form shows a date for editing: "14/03/2016".
    static QString format(QDate date);
};

} // namespace doorstep

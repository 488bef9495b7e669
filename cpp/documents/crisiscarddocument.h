#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace doorstep
{

/// The crisis card made with the family before the case ends: how they spot trouble early,
/// what they will do and who they will call. Printed small, in big type, for the fridge.
struct CrisisCardDocument {
    /// Someone to call: a person, service or helpline and their number.
    struct Contact {
        QString name;
        QString number; ///< as written; may be empty when only a name was given
    };

    QString familyName;
    QDate madeOn;
    QString warningSigns; ///< the family's words; line breaks start new paragraphs
    QString whatToDo; ///< the family's words; line breaks start new paragraphs
    QList<Contact> whoToCall;

    /// Splits "who to call" text, one contact a line, into names and numbers: a number is
    /// the run of digits, spaces and + ( ) - at the end of a line ("Gran - 07700 900123").
    /// A line without a number becomes a contact with just a name; blank lines are skipped.
    static QList<Contact> contactsFromText(const QString &text);
};

} // namespace doorstep

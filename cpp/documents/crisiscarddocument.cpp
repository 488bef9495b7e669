#include "documents/crisiscarddocument.h"

#include <QRegularExpression>

namespace doorstep
{

QList<CrisisCardDocument::Contact> CrisisCardDocument::contactsFromText(const QString &text)
{
    // A number: starts with a digit, + or (, ends with a digit or ), holds at least three
    // digits; separators such as ":" or " - " between name and number are dropped.
    static const QRegularExpression line(
        QStringLiteral("^(.*?)[\\s:,;\\-\\x{2013}\\x{2014}]*([+(]?\\d[\\d\\s()\\-]*[\\d)])$"));
    static const QRegularExpression lineBreak(QStringLiteral("\\R"));
    static const QRegularExpression digit(QStringLiteral("\\d"));

    QList<Contact> contacts;
    const QStringList lines = text.split(lineBreak);
    for (const QString &raw : lines) {
        const QString trimmed = raw.trimmed();
        if (trimmed.isEmpty())
            continue;
        const auto match = line.match(trimmed);
        if (match.hasMatch() && match.captured(2).count(digit) >= 3)
            contacts.append({ match.captured(1).trimmed(), match.captured(2).trimmed() });
        else
            contacts.append({ trimmed, QString() });
    }
    return contacts;
}

} // namespace doorstep

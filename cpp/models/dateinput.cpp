#include "models/dateinput.h"

namespace doorstep
{

std::optional<QDate> DateInput::parse(const QString &text, bool *ok)
{
    *ok = true;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    for (const QString &format : { QStringLiteral("d/M/yyyy"), QStringLiteral("d.M.yyyy"),
             QStringLiteral("d-M-yyyy"), QStringLiteral("yyyy-MM-dd") }) {
        const QDate date = QDate::fromString(trimmed, format);
        if (date.isValid())
            return date;
    }
    *ok = false;
    return std::nullopt;
}

QString DateInput::format(QDate date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

} // namespace doorstep

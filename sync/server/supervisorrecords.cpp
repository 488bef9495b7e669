#include "server/supervisorrecords.h"

namespace doorstep::server
{

std::optional<QString> SupervisorRecords::refusal(const Op &op, User::Role role)
{
    if (role == User::Role::Supervisor)
        return std::nullopt;
    if (op.kind == QLatin1String("plan_decision"))
        return QStringLiteral("is a decision on a plan, which only a supervisor may make");
    if (op.kind == QLatin1String("supervision_note"))
        return QStringLiteral("is a case supervision note, which only a supervisor may write");
    if (op.kind == QLatin1String("plan") && op.field == QLatin1String("status")) {
        const QString status = op.value.toString();
        if (status == QLatin1String("signed_off") || status == QLatin1String("returned"))
            return QStringLiteral("would sign off or return a plan, which only a supervisor "
                                  "may do");
    }
    return std::nullopt;
}

} // namespace doorstep::server

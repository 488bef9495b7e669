#include "protocol/op.h"

namespace doorstep
{

qint64 opSequence(const QString &opId)
{
    const qsizetype colon = opId.lastIndexOf(QLatin1Char(':'));
    if (colon < 1 || colon == opId.size() - 1)
        return -1;
    bool ok = false;
    const qint64 sequence = QStringView(opId).mid(colon + 1).toLongLong(&ok);
    return ok && sequence > 0 ? sequence : -1;
}

} // namespace doorstep

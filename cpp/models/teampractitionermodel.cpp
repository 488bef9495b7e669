#include "models/teampractitionermodel.h"

#include "models/casetext.h"

#include <QLocale>

namespace doorstep
{

TeamPractitionerModel::TeamPractitionerModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void TeamPractitionerModel::setRows(QList<Row> rows, const QDateTime &now)
{
    const int before = m_rows.size();
    const bool newDay = m_now.date() != now.date();
    m_now = now;
    m_rows.replace(*this, std::move(rows));
    // The sync texts say "today" and "3 days ago": a new day changes them.
    if (newDay && m_rows.size() > 0)
        Q_EMIT dataChanged(index(0), index(m_rows.size() - 1));
    if (m_rows.size() != before)
        Q_EMIT countChanged();
}

QString TeamPractitionerModel::syncText(const QDateTime &lastSyncAt, const QDateTime &now)
{
    if (!lastSyncAt.isValid())
        return tr("Not synced yet");
    const QDateTime local = lastSyncAt.toLocalTime();
    const qint64 days = local.date().daysTo(now.toLocalTime().date());
    //: Time of day format (QTime::toString): "14:30".
    const QString time = QLocale().toString(local.time(), tr("HH:mm", "time format"));
    if (days <= 0)
        return tr("Synced today at %1").arg(time);
    if (days == 1)
        return tr("Synced yesterday at %1").arg(time);
    return tr("Synced %n day(s) ago, on %1", nullptr, int(days)).arg(CaseText::date(local.date()));
}

int TeamPractitionerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

QVariant TeamPractitionerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case UserIdRole:
        return r.userId;
    case Qt::DisplayRole:
    case NameRole:
        return r.name;
    case CaseloadRole:
        return r.caseload;
    case CaseloadTextRole:
        return tr("%n open case(s)", nullptr, r.caseload);
    case RangeRole:
        if (r.caseload < caseloadMinimum)
            return QStringLiteral("under");
        if (r.caseload > caseloadMaximum)
            return QStringLiteral("over");
        return QStringLiteral("within");
    case RangeTextRole:
        if (r.caseload < caseloadMinimum)
            return tr("%n below the usual %1–%2", nullptr, caseloadMinimum - r.caseload)
                .arg(caseloadMinimum)
                .arg(caseloadMaximum);
        if (r.caseload > caseloadMaximum)
            return tr("%n above the usual %1–%2", nullptr, r.caseload - caseloadMaximum)
                .arg(caseloadMinimum)
                .arg(caseloadMaximum);
        return tr("Within the usual %1–%2").arg(caseloadMinimum).arg(caseloadMaximum);
    case RedChecksRole:
        return r.redChecks;
    case AmberChecksRole:
        return r.amberChecks;
    case DriftTextRole: {
        if (r.redChecks == 0 && r.amberChecks == 0)
            return tr("Every case on track");
        QStringList parts;
        if (r.redChecks > 0)
            parts << tr("%n check(s) drifting", nullptr, r.redChecks);
        if (r.amberChecks > 0)
            parts << tr("%n due soon", nullptr, r.amberChecks);
        return QLocale().createSeparatedList(parts);
    }
    case LastSyncTextRole: {
        if (!r.inTeam)
            return tr("Not in the team the server names");
        const QDateTime latest = TeamView::latestSync(r.devices);
        if (r.devices.isEmpty())
            return tr("No tablet enrolled");
        return syncText(latest, m_now);
    }
    case SyncStaleRole: {
        const QDateTime latest = TeamView::latestSync(r.devices);
        return !latest.isValid() || latest.daysTo(m_now) > syncStaleDays;
    }
    case DevicesRole: {
        QVariantList devices;
        for (const TeamView::Device &device : r.devices)
            devices.append(QVariantMap { { QStringLiteral("name"), device.name },
                { QStringLiteral("lastSyncText"), syncText(device.lastSyncAt, m_now) } });
        return devices;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> TeamPractitionerModel::roleNames() const
{
    return { { UserIdRole, "userId" }, { NameRole, "name" }, { CaseloadRole, "caseload" },
        { CaseloadTextRole, "caseloadText" }, { RangeRole, "range" },
        { RangeTextRole, "rangeText" }, { RedChecksRole, "redChecks" },
        { AmberChecksRole, "amberChecks" }, { DriftTextRole, "driftText" },
        { LastSyncTextRole, "lastSyncText" }, { SyncStaleRole, "syncStale" },
        { DevicesRole, "devices" } };
}

} // namespace doorstep

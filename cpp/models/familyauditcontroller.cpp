#include "models/familyauditcontroller.h"

#include "models/casetext.h"
#include "protocol/recordschema.h"

namespace doorstep
{

FamilyAuditController::FamilyAuditController(QObject *parent)
    : QObject(parent)
{
}

FamilyAuditController::~FamilyAuditController() = default;

void FamilyAuditController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, [this] {
            // Nothing of the audit stays in memory once locked.
            if (!m_session->isUnlocked()) {
                ++m_request;
                m_client.reset();
                m_entries.clear();
                m_errorString.clear();
                setLoading(false);
                Q_EMIT entriesChanged();
            }
        });
    }
    Q_EMIT sessionChanged();
}

void FamilyAuditController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    refresh();
}

void FamilyAuditController::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

QString FamilyAuditController::actionText(const QString &action)
{
    // What a person did on a tablet, kept at the centre as "device <action>".
    const QString onTablet = QStringLiteral("device ");
    if (action.startsWith(onTablet)) {
        const QString done = action.mid(onTablet.size());
        // A removal says where already.
        if (done == QLatin1String("remove"))
            return actionText(done);
        return tr("%1 on a tablet").arg(actionText(done));
    }
    static const QHash<QString, const char *> words {
        { QStringLiteral("view"), QT_TR_NOOP("Opened") },
        { QStringLiteral("create"), QT_TR_NOOP("Created") },
        { QStringLiteral("update"), QT_TR_NOOP("Changed") },
        { QStringLiteral("delete"), QT_TR_NOOP("Deleted") },
        { QStringLiteral("restore"), QT_TR_NOOP("Restored") },
        { QStringLiteral("merge"), QT_TR_NOOP("Merged versions") },
        { QStringLiteral("remove"), QT_TR_NOOP("Removed from a tablet") },
        { QStringLiteral("share"), QT_TR_NOOP("Shared") },
        { QStringLiteral("export"), QT_TR_NOOP("Saved a copy") },
        { QStringLiteral("push"), QT_TR_NOOP("Sent to the centre") },
        { QStringLiteral("pull"), QT_TR_NOOP("Received by sync") },
        { QStringLiteral("allocate"), QT_TR_NOOP("Allocated") },
        { QStringLiteral("blob put"), QT_TR_NOOP("Document sent") },
        { QStringLiteral("blob get"), QT_TR_NOOP("Document read") },
        { QStringLiteral("refused"), QT_TR_NOOP("Refused") },
        { QStringLiteral("audit read"), QT_TR_NOOP("Audit read") },
    };
    const auto found = words.constFind(action);
    return found == words.cend() ? action : tr(*found);
}

void FamilyAuditController::refresh()
{
    const int request = ++m_request;
    m_entries.clear();
    m_errorString.clear();
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || m_familyId.isEmpty()) {
        setLoading(false);
        Q_EMIT entriesChanged();
        return;
    }
    if (!m_session->isSupervisor()) {
        m_errorString = tr("Only a supervisor reads a family's audit.");
        setLoading(false);
        Q_EMIT entriesChanged();
        return;
    }
    setLoading(true);
    Q_EMIT entriesChanged();
    m_client = std::make_unique<SyncClient>(*store, QStringLiteral(DOORSTEP_VERSION));
    m_client->fetchFamilyAudit(
        m_familyId, [this, request](Result<QList<sync::FamilyAuditEntry>> trail) {
            if (request != m_request)
                return;
            setLoading(false);
            if (!trail) {
                m_errorString = trail.error().message;
                Q_EMIT entriesChanged();
                return;
            }
            for (const sync::FamilyAuditEntry &e : std::as_const(*trail)) {
                const RecordKindSpec *kind = RecordSchema::find(e.recordKind);
                QString who = e.userName.isEmpty() ? e.userId : e.userName;
                m_entries.append(QVariantMap {
                    { QStringLiteral("whenText"),
                        CaseText::dateTime(QDateTime::fromString(e.at, Qt::ISODateWithMs)) },
                    { QStringLiteral("who"), who },
                    { QStringLiteral("device"),
                        e.deviceName.isEmpty() ? tr("the centre") : e.deviceName },
                    { QStringLiteral("actionText"), actionText(e.action) },
                    { QStringLiteral("what"), kind ? kind->label : e.recordKind },
                    { QStringLiteral("detail"), e.detail } });
            }
            Q_EMIT entriesChanged();
        });
}

} // namespace doorstep

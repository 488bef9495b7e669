#include "models/conflictcontroller.h"

#include "models/casetext.h"
#include "protocol/recordschema.h"
#include "store/visitrepository.h"

#include <QCoreApplication>

namespace doorstep
{

namespace
{

const QString VisitKind = QStringLiteral("visit");
const QString ConsentKind = QStringLiteral("consent");
const QString CausalLength = QString::fromLatin1(Op::CausalLength);

QString keyOf(const QString &kind, const QString &recordId, const QString &field)
{
    return kind + QLatin1Char('/') + recordId + QLatin1Char('/') + field;
}

struct Label {
    const char *kind;
    const char *field;
    const char *text;
};

// The free-text fields (and a few others a late change may touch) as the pages name them.
const Label FieldLabels[] = {
    { "family", "address", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Address") },
    { "referral", "reason",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "Reason for referral") },
    { "visit", "present", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Who was present") },
    { "visit", "working_well",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "What's working well") },
    { "visit", "worries",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "What are we worried about") },
    { "visit", "needs_to_happen",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "What needs to happen") },
    { "visit", "notes", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Notes") },
    { "visit", "location",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "Place of the visit") },
    { "visit", "visit_at", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Date and time") },
    { "note", "body", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Note") },
    { "consent", "agencies", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Agencies") },
    { "consent", "purpose", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Purpose") },
    { "goal", "words",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "Goal in the family's words") },
    { "action", "description", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Action") },
    { "review", "attendees", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Who attended") },
    { "review", "outcome", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Outcome") },
    { "closure", "reason", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Reason") },
    { "genogram_relation", "note", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Note") },
    { "genogram_person", "note", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Note") },
    { "genogram_person", "pinned",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "Place on the genogram") },
    { "genogram_person", "age_text", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Age") },
    { "genogram_household", "note", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Note") },
    { "genogram_household", "member_ids",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "Who lives together") },
    { "ecomap_link", "note", QT_TRANSLATE_NOOP("doorstep::ConflictController", "Note") },
    { "crisis_card", "warning_signs",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "Warning signs") },
    { "crisis_card", "what_to_do",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "What to do") },
    { "crisis_card", "who_to_call",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "Who to call") },
    { "ending_letter", "progress",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "The family's progress") },
    { "ending_letter", "where_to_get_help",
        QT_TRANSLATE_NOOP("doorstep::ConflictController", "Where to get help") },
};

} // namespace

ConflictController::ConflictController(QObject *parent)
    : QObject(parent)
{
}

void ConflictController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &ConflictController::reload);
        // Any kind: a sync can bring a version that changes no value, only the conflicts.
        connect(m_session, &Session::recordsChanged, this, [this] {
            if (m_active)
                reload();
            else
                m_stale = true;
        });
    }
    Q_EMIT sessionChanged();
    reload();
}

void ConflictController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    closeCompare();
    reload();
}

void ConflictController::setRecordId(const QString &recordId)
{
    if (m_recordId == recordId)
        return;
    m_recordId = recordId;
    Q_EMIT recordIdChanged();
    closeCompare();
    reload();
}

void ConflictController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_stale)
        reload();
}

QString ConflictController::fieldLabel(const QString &kind, const QString &field)
{
    if (field == CausalLength)
        return tr("Whether the record exists");
    for (const Label &label : FieldLabels) {
        if (kind == QLatin1String(label.kind) && field == QLatin1String(label.field))
            return QCoreApplication::translate("doorstep::ConflictController", label.text);
    }
    const RecordKindSpec *spec = RecordSchema::find(kind);
    const FieldSpec *fieldSpec = spec ? spec->field(field) : nullptr;
    if (!fieldSpec)
        return field;
    QString text = fieldSpec->label;
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString ConflictController::recordTitle(Store &store, const Store::FieldConflict &conflict) const
{
    const QString &kind = conflict.kind;
    if (kind == VisitKind) {
        auto visit = VisitRepository(store).find(conflict.recordId);
        if (visit && visit->has_value())
            return tr("Home visit, %1").arg(CaseText::dateTime((*visit)->visitAt));
        return tr("Home visit");
    }
    if (kind == QLatin1String("family"))
        return tr("Family details");
    if (kind == QLatin1String("person"))
        return tr("Family member");
    if (kind == QLatin1String("referral"))
        return tr("Referral");
    if (kind == QLatin1String("note"))
        return tr("Note");
    if (kind == ConsentKind)
        return tr("Consent");
    if (kind == QLatin1String("goal"))
        return tr("Family plan goal");
    if (kind == QLatin1String("action"))
        return tr("Family plan action");
    if (kind == QLatin1String("review"))
        return tr("Review meeting");
    if (kind == QLatin1String("closure"))
        return tr("Case closure");
    if (kind == QLatin1String("genogram_relation") || kind == QLatin1String("genogram_person")
        || kind == QLatin1String("genogram_household"))
        return tr("Genogram");
    if (kind == QLatin1String("ecomap_link"))
        return tr("Ecomap");
    if (kind == QLatin1String("crisis_card"))
        return tr("Crisis card");
    if (kind == QLatin1String("ending_letter"))
        return tr("Ending letter");
    if (kind == QLatin1String("disclosure"))
        return tr("Record of sharing");
    return tr("Record");
}

QString ConflictController::markerText(const Store::FieldConflict &conflict) const
{
    if (conflict.sealed) {
        if (conflict.kind == VisitKind)
            return tr("A change arrived after this visit was finalised — read it");
        return tr("A change arrived after this was signed — read it");
    }
    const int versions = int(conflict.versions.size()) + 1;
    if (versions == 2)
        return tr("Two versions of these notes — compare");
    return tr("%n versions of these notes — compare", "", versions);
}

QVariantMap ConflictController::versionMap(const Store::ConflictVersion &version,
    const QString &kind, const QString &field, bool current) const
{
    Q_UNUSED(kind)
    QString text;
    if (field == CausalLength)
        text = version.value.toLongLong() % 2 == 0 ? tr("Deleted") : tr("Restored");
    else
        text = version.value.toString();
    const QString who = version.deviceId.isEmpty()
        ? tr("Not written before")
        : (version.thisDevice ? tr("You, on this tablet") : tr("On another tablet"));
    const QString when
        = version.writtenAt.isValid() ? CaseText::dateTime(version.writtenAt) : QString();
    return {
        { QStringLiteral("opId"), version.opId },
        //: Who wrote a version and when: "On another tablet, Wed 4 Mar 2026, 10:32".
        { QStringLiteral("byline"), when.isEmpty() ? who : tr("%1, %2").arg(who, when) },
        { QStringLiteral("text"), text },
        { QStringLiteral("who"), who },
        { QStringLiteral("when"), when },
        { QStringLiteral("current"), current },
    };
}

bool ConflictController::canAmend() const
{
    return m_compare.sealed && m_compare.kind == VisitKind;
}

void ConflictController::reload()
{
    m_stale = false;
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || m_familyId.isEmpty()) {
        // Locked: no case text stays in memory.
        m_found.clear();
        m_conflicts.setRows({});
        if (m_recordCount != 0) {
            m_recordCount = 0;
            Q_EMIT conflictsChanged();
        }
        closeCompare();
        return;
    }
    auto found = store->familyConflicts(m_familyId);
    if (!found) {
        setError(int(found.error().code), found.error().message);
        return;
    }
    m_found.clear();
    QList<ConflictListModel::Row> rows;
    QSet<QString> records;
    for (const Store::FieldConflict &conflict : std::as_const(*found)) {
        if (!m_recordId.isEmpty() && conflict.recordId != m_recordId)
            continue;
        m_found << conflict;
        records.insert(conflict.kind + QLatin1Char('/') + conflict.recordId);
        rows << ConflictListModel::Row { keyOf(conflict.kind, conflict.recordId, conflict.field),
            conflict.kind, conflict.recordId, conflict.field, recordTitle(*store, conflict),
            fieldLabel(conflict.kind, conflict.field), markerText(conflict), conflict.sealed,
            int(conflict.versions.size()) + 1 };
    }
    m_conflicts.setRows(rows);
    if (m_recordCount != records.size()) {
        m_recordCount = int(records.size());
        Q_EMIT conflictsChanged();
    }
    if (isComparing()) {
        loadCompare();
        if (!isComparing())
            setError(int(Error::Code::NotFound),
                tr("These versions have already been merged, perhaps on another tablet."));
    }
}

bool ConflictController::compare(const QString &conflictKey)
{
    m_compareKey = conflictKey;
    setError(-1, {});
    loadCompare();
    if (!isComparing()) {
        setError(int(Error::Code::NotFound),
            tr("These versions have already been merged, perhaps on another tablet."));
        return false;
    }
    return true;
}

void ConflictController::closeCompare()
{
    if (m_compareKey.isEmpty() && m_currentVersion.isEmpty())
        return;
    m_compareKey.clear();
    m_compare = {};
    m_seenOpIds.clear();
    m_explanation.clear();
    m_currentVersion.clear();
    m_otherVersions.clear();
    m_mergedDraft.clear();
    Q_EMIT compareChanged();
}

void ConflictController::loadCompare()
{
    const Store::FieldConflict *conflict = nullptr;
    int row = -1;
    for (int i = 0; i < m_found.size(); ++i) {
        const Store::FieldConflict &candidate = m_found.at(i);
        if (keyOf(candidate.kind, candidate.recordId, candidate.field) == m_compareKey) {
            conflict = &candidate;
            row = i;
            break;
        }
    }
    if (!conflict) {
        closeCompare();
        return;
    }
    m_compare = m_conflicts.at(row);
    m_seenOpIds = { conflict->current.opId };
    m_currentVersion = versionMap(conflict->current, conflict->kind, conflict->field, true);
    m_otherVersions.clear();
    QStringList texts { m_currentVersion.value(QStringLiteral("text")).toString() };
    for (const Store::ConflictVersion &version : conflict->versions) {
        m_seenOpIds << version.opId;
        const QVariantMap map = versionMap(version, conflict->kind, conflict->field, false);
        m_otherVersions << map;
        texts << map.value(QStringLiteral("text")).toString();
    }
    texts.removeAll(QString());
    texts.removeDuplicates();
    m_mergedDraft = texts.join(QStringLiteral("\n\n"));
    if (!conflict->sealed)
        m_explanation.clear();
    else if (conflict->kind == VisitKind)
        m_explanation = tr("This visit was finalised, so its record cannot change. The other "
                           "version reached this tablet after that and is not part of it. Read "
                           "it, then add it to the visit as a dated amendment if it matters, or "
                           "mark it as read.");
    else if (conflict->kind == ConsentKind)
        m_explanation = tr("A signed consent cannot change. The other version was written "
                           "after it was signed and is not part of it. Read it; if the "
                           "person's consent has changed, record a new consent. Then mark it "
                           "as read.");
    else
        m_explanation = tr("This record cannot change once it is recorded. The other version "
                           "was written afterwards and is not part of it. Read it, then mark "
                           "it as read.");
    Q_EMIT compareChanged();
}

bool ConflictController::finish(const Result<void> &done, const QStringList &kinds)
{
    if (!done) {
        setError(int(done.error().code), done.error().message);
        // What changed underneath (a sync, a merge elsewhere) shows at once.
        reload();
        return false;
    }
    setError(-1, {});
    closeCompare();
    // Pages showing these records read them again; this controller with them.
    m_session->announceChanges(kinds);
    Q_EMIT resolved();
    return true;
}

bool ConflictController::saveMerged(const QString &text)
{
    if (!isComparing() || !m_session || !m_session->isUnlocked())
        return false;
    if (m_compare.sealed) {
        setError(int(Error::Code::Immutable), m_explanation);
        return false;
    }
    return finish(m_session->store()->mergeConflict(
                      m_compare.kind, m_compare.recordId, m_compare.field, text, m_seenOpIds),
        { m_compare.kind });
}

bool ConflictController::keepVersion(const QString &opId)
{
    if (!isComparing() || !m_session || !m_session->isUnlocked())
        return false;
    if (!m_seenOpIds.contains(opId)) {
        setError(int(Error::Code::NotFound), tr("That version is no longer here to keep."));
        return false;
    }
    return finish(m_session->store()->keepConflictVersion(
                      m_compare.kind, m_compare.recordId, m_compare.field, opId),
        { m_compare.kind });
}

bool ConflictController::dismissVersion(const QString &opId)
{
    if (!isComparing() || !m_session || !m_session->isUnlocked())
        return false;
    return finish(m_session->store()->dismissConflictVersion(
                      m_compare.kind, m_compare.recordId, m_compare.field, opId),
        { m_compare.kind });
}

bool ConflictController::amendWithVersion(const QString &opId, const QString &text)
{
    if (!isComparing() || !m_session || !m_session->isUnlocked())
        return false;
    if (!canAmend()) {
        setError(int(Error::Code::InvalidArgument),
            tr("Only a finalised visit takes amendments; mark this version as read instead."));
        return false;
    }
    auto added = m_session->store()->amendWithConflictVersion(
        m_compare.recordId, m_compare.field, opId, text);
    return finish(added ? Result<void>() : Result<void>(added.error()),
        { QStringLiteral("note"), VisitKind });
}

void ConflictController::setError(int code, const QString &message)
{
    if (m_errorCode == code && m_errorString == message)
        return;
    m_errorCode = code;
    m_errorString = message;
    Q_EMIT errorChanged();
}

} // namespace doorstep

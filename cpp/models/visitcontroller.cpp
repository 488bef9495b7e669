#include "models/visitcontroller.h"

#include "models/casetext.h"
#include "store/noterepository.h"
#include "store/personrepository.h"
#include "store/visitrepository.h"

namespace doorstep
{

namespace
{

const QString VisitKind = QStringLiteral("visit");

// children_seen holds "personId=alone;personId=with-others" for the children seen.
const QString SeenAlone = QStringLiteral("alone");
const QString SeenWithOthers = QStringLiteral("with-others");

} // namespace

VisitController::VisitController(QObject *parent)
    : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(Session::SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { saveNow(); });
}

VisitController::~VisitController()
{
    // Leaving the page (or the app closing normally) never drops typed text.
    if (!m_dirty.isEmpty())
        saveNow();
}

void VisitController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        // Locking closes the store: save first, while it is still open.
        connect(m_session, &Session::aboutToLock, this, [this] { saveNow(); });
    }
    Q_EMIT sessionChanged();
    load();
}

void VisitController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    load();
}

void VisitController::setVisitId(const QString &visitId)
{
    if (m_visitId == visitId)
        return;
    if (!m_dirty.isEmpty())
        saveNow();
    m_visitId = visitId;
    Q_EMIT visitIdChanged();
    load();
}

QString VisitController::text(const char *field) const
{
    return m_text.value(QString::fromLatin1(field));
}

void VisitController::setText(const char *field, const QString &value)
{
    const QString name = QString::fromLatin1(field);
    if (m_final || m_text.value(name) == value)
        return;
    m_text.insert(name, value);
    Q_EMIT fieldsChanged();
    markDirty(name);
}

void VisitController::setVisitAt(const QDateTime &visitAt)
{
    if (m_final || m_visitAt == visitAt || !visitAt.isValid())
        return;
    m_visitAt = visitAt;
    Q_EMIT fieldsChanged();
    markDirty(QStringLiteral("visit_at"));
}

QString VisitController::visitAtText() const
{
    return m_visitAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

bool VisitController::setVisitAtText(const QString &text)
{
    const QDateTime parsed
        = QDateTime::fromString(text.trimmed(), QStringLiteral("yyyy-MM-dd HH:mm"));
    if (!parsed.isValid()) {
        setError(tr("Write the date and time of the visit as 2026-11-23 14:30."));
        return false;
    }
    setError({});
    setVisitAt(parsed);
    return true;
}

void VisitController::setChildSeen(const QString &personId, bool seen, bool seenAlone)
{
    if (m_final)
        return;
    bool changed = false;
    for (QVariant &entry : m_children) {
        QVariantMap child = entry.toMap();
        if (child.value(QStringLiteral("personId")).toString() != personId)
            continue;
        const bool alone = seen && seenAlone;
        if (child.value(QStringLiteral("seen")).toBool() != seen
            || child.value(QStringLiteral("seenAlone")).toBool() != alone) {
            child.insert(QStringLiteral("seen"), seen);
            child.insert(QStringLiteral("seenAlone"), alone);
            entry = child;
            changed = true;
        }
    }
    if (!changed)
        return;
    Q_EMIT childrenChanged();
    markDirty(QStringLiteral("children_seen"));
}

void VisitController::markDirty(const QString &field)
{
    if (!m_dirty.contains(field))
        m_dirty << field;
    setSaveState(tr("Saving…"));
    m_saveTimer.start();
}

QString VisitController::encodeChildren() const
{
    QStringList seen;
    for (const QVariant &entry : m_children) {
        const QVariantMap child = entry.toMap();
        if (child.value(QStringLiteral("seen")).toBool())
            seen << QStringLiteral("%1=%2").arg(child.value(QStringLiteral("personId")).toString(),
                child.value(QStringLiteral("seenAlone")).toBool() ? SeenAlone : SeenWithOthers);
    }
    return seen.join(QLatin1Char(';'));
}

bool VisitController::saveNow()
{
    m_saveTimer.stop();
    if (m_dirty.isEmpty() || !m_session || !m_session->isUnlocked() || m_final)
        return m_dirty.isEmpty();

    QList<FieldValue> fields;
    for (const QString &field : std::as_const(m_dirty)) {
        if (field == QLatin1String("visit_at"))
            fields.append({ field, m_visitAt });
        else if (field == QLatin1String("children_seen")) {
            fields.append({ field, encodeChildren() });
            bool anyAlone = false;
            for (const QVariant &entry : std::as_const(m_children))
                anyAlone = anyAlone || entry.toMap().value(QStringLiteral("seenAlone")).toBool();
            fields.append({ QStringLiteral("seen_alone"), anyAlone });
        } else
            fields.append({ field, m_text.value(field) });
    }

    Result<QString> saved = m_visitId.isEmpty()
        ? [&] {
              // The first change makes the draft record; until then nothing is stored.
              if (!m_visitAt.isValid())
                  m_visitAt = m_session->now();
              fields.append({ QStringLiteral("family_id"), m_familyId });
              fields.append({ QStringLiteral("author_id"), m_session->store()->userId() });
              if (!m_dirty.contains(QStringLiteral("visit_at")))
                  fields.append({ QStringLiteral("visit_at"), m_visitAt });
              return m_session->apply(Change::create(VisitKind, fields));
          }()
        : m_session->apply(Change::update(VisitKind, m_visitId, fields));
    if (!saved) {
        // Keep everything typed: the fields stay dirty and are tried again on the next change.
        setError(saved.error().message);
        setSaveState(tr("Not saved"));
        return false;
    }
    m_dirty.clear();
    setError({});
    if (m_visitId.isEmpty()) {
        m_visitId = *saved;
        Q_EMIT visitIdChanged();
        Q_EMIT finalChanged();
    }
    setSaveState(tr("Saved"));
    return true;
}

bool VisitController::finalise()
{
    if (!saveNow() || !canFinalise())
        return false;
    const QDateTime now = m_session->now();
    auto done = m_session->apply(Change::update(VisitKind, m_visitId,
        { { QStringLiteral("status"), QStringLiteral("final") },
            { QStringLiteral("finalised_at"), now } }));
    if (!done) {
        setError(done.error().message);
        return false;
    }
    m_final = true;
    m_finalisedAt = now;
    Q_EMIT finalChanged();
    return true;
}

bool VisitController::addAmendment(const QString &text)
{
    if (!m_final || !m_session || !m_session->isUnlocked())
        return false;
    if (text.trimmed().isEmpty()) {
        setError(tr("Write the amendment before adding it."));
        return false;
    }
    auto added = m_session->apply(Change::create(QStringLiteral("note"),
        { { QStringLiteral("family_id"), m_familyId }, { QStringLiteral("visit_id"), m_visitId },
            { QStringLiteral("author_id"), m_session->store()->userId() },
            { QStringLiteral("written_at"), m_session->now() },
            { QStringLiteral("body"), text } }));
    if (!added) {
        setError(added.error().message);
        return false;
    }
    setError({});
    loadAmendments();
    return true;
}

void VisitController::load()
{
    m_saveTimer.stop();
    m_dirty.clear();
    m_text.clear();
    m_final = false;
    m_finalisedAt = {};
    m_visitAt = {};
    m_amendments.clear();
    setSaveState({});
    if (m_session && m_session->isUnlocked() && !m_visitId.isEmpty()) {
        auto found = VisitRepository(*m_session->store()).find(m_visitId);
        if (!found || !*found) {
            setError(found ? tr("This visit record no longer exists.") : found.error().message);
        } else {
            const Visit &visit = **found;
            if (m_familyId != visit.familyId) {
                m_familyId = visit.familyId;
                Q_EMIT familyIdChanged();
            }
            m_visitAt = visit.visitAt.toLocalTime();
            m_text = { { QStringLiteral("location"), visit.location },
                { QStringLiteral("present"), visit.present },
                { QStringLiteral("interpreter_language"), visit.interpreterLanguage },
                { QStringLiteral("working_well"), visit.workingWell },
                { QStringLiteral("worries"), visit.worries },
                { QStringLiteral("needs_to_happen"), visit.needsToHappen },
                { QStringLiteral("notes"), visit.notes } };
            m_final = visit.isFinal;
            m_finalisedAt = visit.finalisedAt.toLocalTime();
            m_children.clear();
            loadChildren();
            for (const QString &entry :
                visit.childrenSeen.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                const QString personId = entry.section(QLatin1Char('='), 0, 0);
                const bool alone = entry.section(QLatin1Char('='), 1) == SeenAlone;
                for (QVariant &child : m_children) {
                    QVariantMap map = child.toMap();
                    if (map.value(QStringLiteral("personId")).toString() == personId) {
                        map.insert(QStringLiteral("seen"), true);
                        map.insert(QStringLiteral("seenAlone"), alone);
                        child = map;
                    }
                }
            }
            loadAmendments();
            setSaveState(tr("Saved"));
        }
    } else {
        m_children.clear();
        loadChildren();
    }
    if (!m_visitAt.isValid() && m_session)
        m_visitAt = m_session->now();
    Q_EMIT fieldsChanged();
    Q_EMIT childrenChanged();
    Q_EMIT finalChanged();
    Q_EMIT amendmentsChanged();
}

void VisitController::loadChildren()
{
    if (!m_session || !m_session->isUnlocked() || m_familyId.isEmpty())
        return;
    auto people = PersonRepository(*m_session->store()).forFamily(m_familyId);
    if (!people)
        return setError(people.error().message);
    const QDate today = m_session->today();
    for (const Person &person : *people) {
        if (person.role != QLatin1String("child") && person.role != QLatin1String("young_person"))
            continue;
        m_children << QVariantMap { { QStringLiteral("personId"), person.id },
            { QStringLiteral("name"), person.displayName() },
            { QStringLiteral("age"), CaseText::age(person, today) },
            { QStringLiteral("seen"), false }, { QStringLiteral("seenAlone"), false } };
    }
}

void VisitController::loadAmendments()
{
    m_amendments.clear();
    if (m_session && m_session->isUnlocked() && !m_visitId.isEmpty()) {
        auto notes = NoteRepository(*m_session->store()).forVisit(m_visitId);
        if (!notes)
            return setError(notes.error().message);
        for (const Note &note : *notes)
            m_amendments << QVariantMap {
                { QStringLiteral("writtenAt"), note.writtenAt.toLocalTime() },
                { QStringLiteral("author"), note.authorId }, { QStringLiteral("body"), note.body }
            };
    }
    Q_EMIT amendmentsChanged();
}

void VisitController::setSaveState(const QString &state)
{
    if (m_saveState == state)
        return;
    m_saveState = state;
    Q_EMIT saveStateChanged();
}

void VisitController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

} // namespace doorstep

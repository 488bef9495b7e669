#pragma once

#include "models/session.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

namespace doorstep
{

/// A family's case supervision notes (issue 8), on the family page: each dated discussion
/// of the case between the practitioner and their supervisor, with what was decided and what
/// is to be done, newest first, for both to read. A supervisor records one; it syncs to the
/// practitioner's tablet.
class SupervisionNotesController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /// Each note, newest first: { id, heldOnText, discussion, decisions, actions, byText }.
    Q_PROPERTY(QVariantList notes READ notes NOTIFY notesChanged)
    /// This tablet's user is a supervisor, who records case supervisions.
    Q_PROPERTY(bool canRecord READ canRecord NOTIFY canRecordChanged)
    /// Today, as the date field starts.
    Q_PROPERTY(QString todayText READ todayText NOTIFY notesChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)

public:
    explicit SupervisionNotesController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    bool isActive() const { return m_active; }
    void setActive(bool active);
    QVariantList notes() const { return m_notes; }
    bool canRecord() const { return m_session && m_session->isSupervisor(); }
    QString todayText() const;
    QString errorString() const { return m_errorString; }

    /// Records a case supervision held on heldOnText (day/month/year, not in the future)
    /// with its discussion (needed), decisions and actions. False (with errorString, and
    /// nothing written) if refused.
    Q_INVOKABLE bool record(const QString &heldOnText, const QString &discussion,
        const QString &decisions, const QString &actions);
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void activeChanged();
    void notesChanged();
    void canRecordChanged();
    void errorChanged();

private:
    void onRecordsChanged(const QStringList &kinds);
    void setError(const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    bool m_active = true;
    bool m_stale = false;
    QVariantList m_notes;
    QString m_errorString;
};

} // namespace doorstep

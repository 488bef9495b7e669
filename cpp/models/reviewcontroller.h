#pragma once

#include "models/session.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QVariantList>
#include <optional>

namespace doorstep
{

/// One review meeting behind ReviewDialog: its date, kind, attendees and outcome, saved as
/// typed within half a second. A new review is stored with the first change, dated today
/// and of the kind the case is due (a maintenance review once the case is in maintenance),
/// and can be discarded again while the dialog is open.
class ReviewController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    /// Empty for a new review; set once it is saved.
    Q_PROPERTY(QString reviewId READ reviewId WRITE setReviewId NOTIFY reviewIdChanged)
    /// The date as typed (day/month/year), or as saved.
    Q_PROPERTY(QString heldOnText READ heldOnText NOTIFY fieldsChanged)
    /// Why the typed date was not saved; empty when it was.
    Q_PROPERTY(QString heldOnProblem READ heldOnProblem NOTIFY fieldsChanged)
    /// review or maintenance.
    Q_PROPERTY(QString kind READ kind WRITE setKind NOTIFY fieldsChanged)
    Q_PROPERTY(QVariantList kindChoices READ kindChoices CONSTANT)
    Q_PROPERTY(QString attendees READ attendees WRITE setAttendees NOTIFY fieldsChanged)
    Q_PROPERTY(QString outcome READ outcome WRITE setOutcome NOTIFY fieldsChanged)
    /// The family is making progress: a case open past 26 weeks without it is drift.
    Q_PROPERTY(bool progress READ progress WRITE setProgress NOTIFY fieldsChanged)
    /// A review made since the dialog opened, which Discard removes again.
    Q_PROPERTY(bool canDiscard READ canDiscard NOTIFY reviewIdChanged)
    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)

public:
    explicit ReviewController(QObject *parent = nullptr);
    ~ReviewController() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    QString reviewId() const { return m_reviewId; }
    void setReviewId(const QString &reviewId);

    QString heldOnText() const { return m_heldOnText; }
    QString heldOnProblem() const { return m_heldOnProblem; }
    QString kind() const { return m_kind; }
    void setKind(const QString &kind);
    QVariantList kindChoices() const;
    QString attendees() const { return m_attendees; }
    void setAttendees(const QString &attendees);
    QString outcome() const { return m_outcome; }
    void setOutcome(const QString &outcome);
    bool progress() const { return m_progress; }
    void setProgress(bool progress);
    bool canDiscard() const { return m_createdHere && !m_reviewId.isEmpty(); }
    QString saveState() const { return m_saveState; }
    QString errorString() const { return m_errorString; }

    /// Starts a new review (saving the one open first).
    Q_INVOKABLE void startNew();
    /// The date as typed; saved once it is a real date that is not in the future.
    Q_INVOKABLE void setHeldOnText(const QString &text);
    Q_INVOKABLE bool saveNow();
    /// Removes a review made since the dialog opened (it syncs as a deletion).
    Q_INVOKABLE bool discard();

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void reviewIdChanged();
    void fieldsChanged();
    void saveStateChanged();
    void errorChanged();

private:
    void load();
    void markDirty(const QString &field);
    void setSaveState(const QString &state);
    void setError(const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    QString m_reviewId;
    bool m_createdHere = false;
    QDate m_heldOn;
    QString m_heldOnText;
    QString m_heldOnProblem;
    QString m_kind;
    QString m_attendees;
    QString m_outcome;
    bool m_progress = false;
    QSet<QString> m_dirty;
    QString m_saveState;
    QString m_errorString;
    QTimer m_saveTimer;
};

} // namespace doorstep

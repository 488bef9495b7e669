#pragma once

#include "models/session.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>

namespace doorstep
{

/// The home-visit record behind VisitPage: loads a visit (or starts a new one for a
/// family), saves what the practitioner types within half a second, finalises it, and
/// adds dated amendments once it is final.
class VisitController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    Q_PROPERTY(QString visitId READ visitId WRITE setVisitId NOTIFY visitIdChanged)
    Q_PROPERTY(QDateTime visitAt READ visitAt WRITE setVisitAt NOTIFY fieldsChanged)
    /// The visit's date and time as the page shows and edits it: "2026-11-23 14:30".
    Q_PROPERTY(QString visitAtText READ visitAtText NOTIFY fieldsChanged)
    Q_PROPERTY(QString location READ location WRITE setLocation NOTIFY fieldsChanged)
    Q_PROPERTY(QString present READ present WRITE setPresent NOTIFY fieldsChanged)
    Q_PROPERTY(QString interpreterLanguage READ interpreterLanguage WRITE setInterpreterLanguage
            NOTIFY fieldsChanged)
    Q_PROPERTY(QString workingWell READ workingWell WRITE setWorkingWell NOTIFY fieldsChanged)
    Q_PROPERTY(QString worries READ worries WRITE setWorries NOTIFY fieldsChanged)
    Q_PROPERTY(QString needsToHappen READ needsToHappen WRITE setNeedsToHappen NOTIFY fieldsChanged)
    Q_PROPERTY(QString notes READ notes WRITE setNotes NOTIFY fieldsChanged)
    /// The family's children: [{ personId, name, age, seen, seenAlone }].
    Q_PROPERTY(QVariantList children READ children NOTIFY childrenChanged)
    Q_PROPERTY(bool isFinal READ isFinal NOTIFY finalChanged)
    Q_PROPERTY(bool canFinalise READ canFinalise NOTIFY finalChanged)
    Q_PROPERTY(QDateTime finalisedAt READ finalisedAt NOTIFY finalChanged)
    /// Dated amendments of a final visit, oldest first: [{ writtenAt, author, body }].
    Q_PROPERTY(QVariantList amendments READ amendments NOTIFY amendmentsChanged)
    /// "Saved", "Saving…", or empty before the first change.
    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)

public:
    explicit VisitController(QObject *parent = nullptr);
    ~VisitController() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    QString visitId() const { return m_visitId; }
    void setVisitId(const QString &visitId);

    QDateTime visitAt() const { return m_visitAt; }
    void setVisitAt(const QDateTime &visitAt);
    QString visitAtText() const;
    QString location() const { return text("location"); }
    void setLocation(const QString &value) { setText("location", value); }
    QString present() const { return text("present"); }
    void setPresent(const QString &value) { setText("present", value); }
    QString interpreterLanguage() const { return text("interpreter_language"); }
    void setInterpreterLanguage(const QString &value) { setText("interpreter_language", value); }
    QString workingWell() const { return text("working_well"); }
    void setWorkingWell(const QString &value) { setText("working_well", value); }
    QString worries() const { return text("worries"); }
    void setWorries(const QString &value) { setText("worries", value); }
    QString needsToHappen() const { return text("needs_to_happen"); }
    void setNeedsToHappen(const QString &value) { setText("needs_to_happen", value); }
    QString notes() const { return text("notes"); }
    void setNotes(const QString &value) { setText("notes", value); }

    QVariantList children() const { return m_children; }
    bool isFinal() const { return m_final; }
    bool canFinalise() const { return !m_final && !m_visitId.isEmpty(); }
    QDateTime finalisedAt() const { return m_finalisedAt; }
    QVariantList amendments() const { return m_amendments; }
    QString saveState() const { return m_saveState; }
    QString errorString() const { return m_errorString; }

    /// Sets the date and time from "yyyy-MM-dd HH:mm"; false (with errorString) if it
    /// is not a real date and time.
    Q_INVOKABLE bool setVisitAtText(const QString &text);
    /// Marks a child seen (or not) and whether they were seen alone.
    Q_INVOKABLE void setChildSeen(const QString &personId, bool seen, bool seenAlone);
    /// Saves anything typed but not yet saved; called on leaving the page.
    Q_INVOKABLE bool saveNow();
    /// Makes the record read-only. Returns false (with errorString) if it could not.
    Q_INVOKABLE bool finalise();
    /// Adds a dated amendment by the signed-in practitioner to a final visit.
    Q_INVOKABLE bool addAmendment(const QString &text);

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void visitIdChanged();
    void fieldsChanged();
    void childrenChanged();
    void finalChanged();
    void amendmentsChanged();
    void saveStateChanged();
    void errorChanged();

private:
    QString text(const char *field) const;
    void setText(const char *field, const QString &value);
    void markDirty(const QString &field);
    void load();
    void loadChildren();
    void loadAmendments();
    void setSaveState(const QString &state);
    void setError(const QString &message);
    QString encodeChildren() const;

    QPointer<Session> m_session;
    QString m_familyId;
    QString m_visitId;
    QDateTime m_visitAt;
    QHash<QString, QString> m_text;
    QVariantList m_children;
    QStringList m_dirty;
    bool m_final = false;
    QDateTime m_finalisedAt;
    QVariantList m_amendments;
    QString m_saveState;
    QString m_errorString;
    QTimer m_saveTimer;
};

} // namespace doorstep

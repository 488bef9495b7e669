#pragma once

#include "models/conflictlistmodel.h"
#include "models/session.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// Conflict versions as a practitioner meets them: a family id (and optionally one record)
/// in; the fields with versions waiting, and for the one being compared its versions side by
/// side with who wrote each where and when, out; and merging, keeping one version, or, for a
/// signed or finalised record that cannot change, reading the late version and adding it as
/// an amendment. Every command goes through the store's one write path for conflicts.
class ConflictController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    /// When set, only this record's conflicts (a record page's marker).
    Q_PROPERTY(QString recordId READ recordId WRITE setRecordId NOTIFY recordIdChanged)
    /// False while the page is covered: changes are read once it shows again.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(doorstep::ConflictListModel *conflicts READ conflicts CONSTANT)
    /// Records with versions waiting (for a badge).
    Q_PROPERTY(int recordCount READ recordCount NOTIFY conflictsChanged)

    /// The conflict open for comparing, by its key; empty when none.
    Q_PROPERTY(QString compareKey READ compareKey NOTIFY compareChanged)
    Q_PROPERTY(bool comparing READ isComparing NOTIFY compareChanged)
    Q_PROPERTY(QString compareTitle READ compareTitle NOTIFY compareChanged)
    Q_PROPERTY(QString compareFieldLabel READ compareFieldLabel NOTIFY compareChanged)
    /// The record is signed or finalised: versions are read, not merged.
    Q_PROPERTY(bool sealed READ isSealed NOTIFY compareChanged)
    /// Why a sealed record's version cannot be merged, and what can be done; else empty.
    Q_PROPERTY(QString explanation READ explanation NOTIFY compareChanged)
    /// The version the record holds: { opId, text, who, when, current: true }.
    Q_PROPERTY(QVariant currentVersion READ currentVersion NOTIFY compareChanged)
    /// The other versions, newest first, each as currentVersion (current: false).
    Q_PROPERTY(QVariantList otherVersions READ otherVersions NOTIFY compareChanged)
    /// The merged text to start from: every version, the current one first.
    Q_PROPERTY(QString mergedDraft READ mergedDraft NOTIFY compareChanged)
    /// A late version of a finalised visit can be added to it as a dated amendment.
    Q_PROPERTY(bool canAmend READ canAmend NOTIFY compareChanged)

    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(int errorCode READ errorCode NOTIFY errorChanged)

public:
    explicit ConflictController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    QString recordId() const { return m_recordId; }
    void setRecordId(const QString &recordId);
    bool isActive() const { return m_active; }
    void setActive(bool active);
    ConflictListModel *conflicts() { return &m_conflicts; }
    int recordCount() const { return m_recordCount; }

    QString compareKey() const { return m_compareKey; }
    bool isComparing() const { return !m_compareKey.isEmpty(); }
    QString compareTitle() const { return m_compare.recordTitle; }
    QString compareFieldLabel() const { return m_compare.fieldLabel; }
    bool isSealed() const { return m_compare.sealed; }
    QString explanation() const { return m_explanation; }
    QVariant currentVersion() const { return m_currentVersion; }
    QVariantList otherVersions() const { return m_otherVersions; }
    QString mergedDraft() const { return m_mergedDraft; }
    bool canAmend() const;
    QString errorString() const { return m_errorString; }
    int errorCode() const { return m_errorCode; }

    /// Opens a conflict (by its conflictKey role) for comparing. False if it has gone.
    Q_INVOKABLE bool compare(const QString &conflictKey);
    Q_INVOKABLE void closeCompare();
    /// Saves text as the one version of the field being compared.
    Q_INVOKABLE bool saveMerged(const QString &text);
    /// Keeps one version (by opId) as it is.
    Q_INVOKABLE bool keepVersion(const QString &opId);
    /// Marks a sealed record's late version read; it stays in the record's history.
    Q_INVOKABLE bool dismissVersion(const QString &opId);
    /// Adds text (a late version, as the practitioner edited it) to a finalised visit as a
    /// dated amendment, and marks the version read.
    Q_INVOKABLE bool amendWithVersion(const QString &opId, const QString &text);
    Q_INVOKABLE void reload();

    /// A field's name for people: "What are we worried about".
    static QString fieldLabel(const QString &kind, const QString &field);

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void recordIdChanged();
    void activeChanged();
    void conflictsChanged();
    void compareChanged();
    void errorChanged();
    /// A command resolved the conflict being compared; the dialog may close.
    void resolved();

private:
    QString recordTitle(Store &store, const Store::FieldConflict &conflict) const;
    QString markerText(const Store::FieldConflict &conflict) const;
    QVariantMap versionMap(const Store::ConflictVersion &version, const QString &kind,
        const QString &field, bool current) const;
    void loadCompare();
    bool finish(const Result<void> &done, const QStringList &kinds);
    void setError(int code, const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    QString m_recordId;
    bool m_active = true;
    bool m_stale = false;
    ConflictListModel m_conflicts;
    QList<Store::FieldConflict> m_found;
    int m_recordCount = 0;

    QString m_compareKey;
    ConflictListModel::Row m_compare;
    QStringList m_seenOpIds;
    QString m_explanation;
    QVariantMap m_currentVersion;
    QVariantList m_otherVersions;
    QString m_mergedDraft;

    QString m_errorString;
    int m_errorCode = -1;
};

} // namespace doorstep

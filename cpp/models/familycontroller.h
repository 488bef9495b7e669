#pragma once

#include "domain/driftanddelay.h"
#include "models/deadlinelistmodel.h"
#include "models/memberlistmodel.h"
#include "models/session.h"
#include "models/visittimelinemodel.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace doorstep
{

/// The family page's controller: a family id in; the family, its members, referral, lead
/// practitioner, plan and consent summary, timescales and visits out, each worded for
/// today; and adding a member through the session's one write path.
class FamilyController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)

    /// False until a live family with familyId has been read (and once locked).
    Q_PROPERTY(bool found READ isFound NOTIFY detailsChanged)
    Q_PROPERTY(QString familyName READ familyName NOTIFY detailsChanged)
    Q_PROPERTY(QString address READ address NOTIFY detailsChanged)
    Q_PROPERTY(QString postcode READ postcode NOTIFY detailsChanged)
    Q_PROPERTY(QString language READ language NOTIFY detailsChanged)
    Q_PROPERTY(bool interpreterNeeded READ interpreterNeeded NOTIFY detailsChanged)

    Q_PROPERTY(bool hasReferral READ hasReferral NOTIFY detailsChanged)
    Q_PROPERTY(QString referralSource READ referralSource NOTIFY detailsChanged)
    Q_PROPERTY(int levelOfNeed READ levelOfNeed NOTIFY detailsChanged)
    /// "Level 3: family casework".
    Q_PROPERTY(QString levelOfNeedText READ levelOfNeedText NOTIFY detailsChanged)
    Q_PROPERTY(QString referredOn READ referredOn NOTIFY detailsChanged)
    Q_PROPERTY(QString referralReason READ referralReason NOTIFY detailsChanged)

    Q_PROPERTY(bool hasLeadPractitioner READ hasLeadPractitioner NOTIFY detailsChanged)
    Q_PROPERTY(QString leadPractitionerName READ leadPractitionerName NOTIFY detailsChanged)
    Q_PROPERTY(QString leadPractitionerTeam READ leadPractitionerTeam NOTIFY detailsChanged)
    Q_PROPERTY(QString allocatedOn READ allocatedOn NOTIFY detailsChanged)

    /// Whether the family has any consent records: until it does, members show no status.
    Q_PROPERTY(bool hasConsents READ hasConsents NOTIFY detailsChanged)
    Q_PROPERTY(bool hasPlan READ hasPlan NOTIFY detailsChanged)
    Q_PROPERTY(QString planStatus READ planStatus NOTIFY detailsChanged)
    Q_PROPERTY(QString planStartedOn READ planStartedOn NOTIFY detailsChanged)
    /// How the current case was closed ("In maintenance since 12 Mar 2026"); empty if open.
    Q_PROPERTY(QString closureText READ closureText NOTIFY detailsChanged)

    Q_PROPERTY(doorstep::MemberListModel *members READ members CONSTANT)
    Q_PROPERTY(doorstep::DeadlineListModel *deadlines READ deadlines CONSTANT)
    /// The drift and delay checks that apply to the case today, as a supervisor sees them:
    /// maps { check, name, rag ("green", "amber", "red"), reason }.
    Q_PROPERTY(QVariantList drift READ drift NOTIFY detailsChanged)
    Q_PROPERTY(doorstep::VisitTimelineModel *visits READ visits CONSTANT)

    /// The store's choices for a member's role and gender: [{ value, text }].
    Q_PROPERTY(QVariantList roleChoices READ roleChoices CONSTANT)
    Q_PROPERTY(QVariantList genderChoices READ genderChoices CONSTANT)

    /// Why the family could not be read; empty when it was.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(int errorCode READ errorCode NOTIFY errorChanged)
    /// Why the last addMember() saved nothing; empty after one that saved.
    Q_PROPERTY(QString addMemberError READ addMemberError NOTIFY addMemberErrorChanged)
    /// False while the page is covered (a visit being typed above it): records written then
    /// are read once it shows again, not at every autosave. Locking clears it at once.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)

public:
    explicit FamilyController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);

    bool isFound() const { return m_found; }
    QString familyName() const { return m_familyName; }
    QString address() const { return m_address; }
    QString postcode() const { return m_postcode; }
    QString language() const { return m_language; }
    bool interpreterNeeded() const { return m_interpreterNeeded; }
    bool hasReferral() const { return m_hasReferral; }
    QString referralSource() const { return m_referralSource; }
    int levelOfNeed() const { return m_levelOfNeed; }
    QString levelOfNeedText() const;
    QString referredOn() const { return m_referredOn; }
    QString referralReason() const { return m_referralReason; }
    bool hasLeadPractitioner() const { return m_hasLeadPractitioner; }
    QString leadPractitionerName() const { return m_leadPractitionerName; }
    QString leadPractitionerTeam() const { return m_leadPractitionerTeam; }
    QString allocatedOn() const { return m_allocatedOn; }
    bool hasConsents() const { return m_hasConsents; }
    bool hasPlan() const { return m_hasPlan; }
    QString planStatus() const { return m_planStatus; }
    QString planStartedOn() const { return m_planStartedOn; }
    QString closureText() const { return m_closureText; }
    QVariantList drift() const { return m_drift; }

    MemberListModel *members() { return &m_members; }
    DeadlineListModel *deadlines() { return &m_deadlines; }
    VisitTimelineModel *visits() { return &m_visits; }
    QVariantList roleChoices() const;
    QVariantList genderChoices() const;

    QString errorString() const { return m_errorString; }
    int errorCode() const { return m_errorCode; }
    QString addMemberError() const { return m_addMemberError; }
    bool isActive() const { return m_active; }
    void setActive(bool active);

    /// Adds a member to the family. dateOfBirth is day/month/year ("14/03/2016") or
    /// ISO ("2016-03-14"); gender and role are choice values; empty fields are left out.
    /// False, with addMemberError saying why, when nothing was saved.
    Q_INVOKABLE bool addMember(const QString &givenName, const QString &familyName,
        const QString &dateOfBirth, const QString &nhsNumber, const QString &gender,
        const QString &role, const QString &school);
    Q_INVOKABLE void clearAddMemberError();
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void detailsChanged();
    void errorChanged();
    void addMemberErrorChanged();
    void activeChanged();

private:
    void onRecordsChanged(const QStringList &kinds);
    void clear();
    void setError(int code, const QString &message);
    void setAddMemberError(const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    /// The case timescales and the drift and delay checks on them, made once (the calendar is
    /// read from a file).
    std::optional<DriftAndDelay> m_driftAndDelay;

    bool m_found = false;
    QString m_familyName;
    QString m_address;
    QString m_postcode;
    QString m_language;
    bool m_interpreterNeeded = false;
    bool m_hasReferral = false;
    QString m_referralSource;
    int m_levelOfNeed = 0;
    QString m_referredOn;
    QString m_referralReason;
    bool m_hasLeadPractitioner = false;
    QString m_leadPractitionerName;
    QString m_leadPractitionerTeam;
    QString m_allocatedOn;
    bool m_hasConsents = false;
    bool m_hasPlan = false;
    QString m_planStatus;
    QString m_planStartedOn;
    QString m_closureText;
    /// The family whose opening is in the audit; empty once locked.
    QString m_viewNotedFor;
    QVariantList m_drift;

    MemberListModel m_members;
    DeadlineListModel m_deadlines;
    VisitTimelineModel m_visits;

    QString m_errorString;
    int m_errorCode = -1;
    QString m_addMemberError;
    bool m_active = true;
    bool m_stale = false;
};

} // namespace doorstep

#pragma once

#include "documents/consentformdocument.h"
#include "domain/consent.h"
#include "domain/person.h"
#include "domain/result.h"
#include "models/consentlistmodel.h"
#include "models/memberlistmodel.h"
#include "models/session.h"

#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <functional>

namespace doorstep
{

/// The consent page's controller: a family id in; each member's consent standing and the
/// family's signed grants out, each worded for today with where its signed form is;
/// recording a signed consent (with its form) or a withdrawal through the session's one
/// write path; and saving a signed form as a PDF file.
class ConsentController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    /// False while the page is covered; records written then are read once it shows again.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)

    /// False until a live family with familyId has been read (and once locked).
    Q_PROPERTY(bool found READ isFound NOTIFY detailsChanged)
    Q_PROPERTY(QString familyName READ familyName NOTIFY detailsChanged)
    /// The members, each with their consent standing for any agency today.
    Q_PROPERTY(doorstep::MemberListModel *people READ people CONSTANT)
    Q_PROPERTY(doorstep::ConsentListModel *consents READ consents CONSTANT)
    /// Every agency as [{ value, text }].
    Q_PROPERTY(QVariantList agencyChoices READ agencyChoices CONSTANT)
    /// The expiry a new consent starts with: DefaultMonths from today, as "12/03/2027".
    Q_PROPERTY(QString defaultExpiryText READ defaultExpiryText NOTIFY detailsChanged)
    /// "12 Mar 2026": the date a consent or a withdrawal recorded now carries.
    Q_PROPERTY(QString todayText READ todayText NOTIFY detailsChanged)

    /// Why the family's consents could not be read; empty when they were.
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(int errorCode READ errorCode NOTIFY errorChanged)
    /// Why the last recordConsent() saved nothing, one problem a line; empty after a save.
    Q_PROPERTY(QString recordError READ recordError NOTIFY recordErrorChanged)
    /// Why the last withdraw() saved nothing; empty after one that saved.
    Q_PROPERTY(QString withdrawError READ withdrawError NOTIFY withdrawErrorChanged)
    /// Some signed consent's form is on this tablet, ready to be saved as a file.
    Q_PROPERTY(bool canSaveForms READ canSaveForms NOTIFY detailsChanged)
    /// Where signed forms are saved unless the practitioner chooses another folder.
    Q_PROPERTY(QString defaultExportFolder READ defaultExportFolder CONSTANT)
    /// Why the last saveSignedForm() wrote nothing; empty after one that wrote.
    Q_PROPERTY(QString saveFormError READ saveFormError NOTIFY saveFormErrorChanged)

public:
    /// A new consent expires after this many months unless the practitioner says otherwise:
    /// a year, renewed at a review, is our default.
    static constexpr int DefaultMonths = 12;

    /// Makes the consent form as signed into PDF bytes: DocumentWriter::consentFormPdf
    /// unless replaced (tests make it fail).
    using FormRenderer = std::function<Result<QByteArray>(const ConsentFormDocument &form)>;

    explicit ConsentController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    bool isActive() const { return m_active; }
    void setActive(bool active);

    bool isFound() const { return m_found; }
    QString familyName() const { return m_familyName; }
    MemberListModel *people() { return &m_people; }
    ConsentListModel *consents() { return &m_consents; }
    QVariantList agencyChoices() const;
    QString defaultExpiryText() const;
    QString todayText() const;
    QString errorString() const { return m_errorString; }
    int errorCode() const { return m_errorCode; }
    QString recordError() const { return m_recordError; }
    QString withdrawError() const { return m_withdrawError; }
    bool canSaveForms() const { return m_canSaveForms; }
    static QString defaultExportFolder();
    QString saveFormError() const { return m_saveFormError; }
    void setFormRenderer(FormRenderer renderer) { m_formRenderer = std::move(renderer); }

    /// Whether a member usually signs for themselves (an adult or a young person) rather
    /// than a parent or carer on their behalf (a child): the form's starting choice.
    Q_INVOKABLE bool givesOwnConsent(const QString &personId) const;
    Q_INVOKABLE QString personName(const QString &personId) const;

    /// Records a signed grant dated today: the consent, its signature drawing and strokes,
    /// and the consent form as signed (a PDF document of the consent, with its bytes) in
    /// one write. agencies are keys; expiresOn is day/month/year or ISO; strokes is a list
    /// of strokes, each a list of points (Qt.point or { x, y }) normalised to the pad.
    /// False, with recordError naming every problem, when nothing was saved: a form that
    /// cannot be made saves no consent either.
    Q_INVOKABLE bool recordConsent(const QString &personId, const QStringList &agencies,
        const QString &purpose, bool givenBySelf, const QString &expiresOn,
        const QVariantList &strokes);
    Q_INVOKABLE void clearRecordError();
    /// Records the withdrawal of a valid grant, dated today. False, with withdrawError,
    /// when nothing was saved.
    Q_INVOKABLE bool withdraw(const QString &consentId);
    Q_INVOKABLE void clearWithdrawError();
    /// Saves the consent form as signed, the bytes exactly as kept (they are the evidence),
    /// into folder as "<Family> consent form <person> <signed on>.pdf" (numbered rather
    /// than replacing a file). Returns the path written, or empty with saveFormError saying
    /// why nothing was (the form has not arrived from the server yet, say).
    Q_INVOKABLE QString saveSignedForm(const QString &consentId, const QString &folder);
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void activeChanged();
    void detailsChanged();
    void errorChanged();
    void recordErrorChanged();
    void withdrawErrorChanged();
    void saveFormErrorChanged();

private:
    void onRecordsChanged(const QStringList &kinds);
    void clear();
    void setError(int code, const QString &message);
    void setRecordError(const QString &message);
    void setWithdrawError(const QString &message);
    void setSaveFormError(const QString &message);
    const Person *member(const QString &personId) const;

    QPointer<Session> m_session;
    QString m_familyId;
    bool m_active = true;
    bool m_stale = false;
    bool m_found = false;
    QString m_familyName;
    QList<Person> m_members;
    QList<Consent> m_records;
    MemberListModel m_people;
    ConsentListModel m_consents;
    QString m_errorString;
    int m_errorCode = -1;
    QString m_recordError;
    QString m_withdrawError;
    bool m_canSaveForms = false;
    QString m_saveFormError;
    FormRenderer m_formRenderer;
};

} // namespace doorstep

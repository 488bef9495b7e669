#pragma once

#include "domain/consent.h"
#include "domain/family.h"
#include "domain/person.h"
#include "domain/result.h"
#include "domain/sharingconsent.h"
#include "store/change.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <functional>

namespace doorstep
{

class Store;

/// What may be shared about a family with one agency, checked against consent first.
/// Everyone in the family is shared about, so everyone must be covered (SharingConsent);
/// otherwise nothing is shared and the refusal names each person and why.
///
/// The document holds the family's contact details and language, each member's
/// identity, role and school, and the consent each member's sharing rests on. Visit
/// records, notes and drawings are never in it.
class AgencyShare
{
public:
    static constexpr int FormatVersion = 1;

    /// A family read and checked for one agency on one day.
    struct Check {
        QString agency;
        QDate day;
        Family family;
        QList<Person> people;
        QList<Consent> consents;
        QList<SharingConsent::Gap> gaps;

        /// A family with no members has no one whose consent it could rest on.
        bool allowed() const { return !people.isEmpty() && gaps.isEmpty(); }
    };

    /// Reads the family and checks consent on day. InvalidArgument for an unknown
    /// agency, NotFound for a family that is not (or no longer) on this device.
    static Result<Check> check(
        Store &store, const QString &familyId, const QString &agency, QDate day);

    /// The refusal in one untranslated English sentence (for doorstep-cli), naming each
    /// person not covered and why; empty when the check allows sharing.
    static QString refusal(const Check &check);

    /// The document to share; only for a check that allows it.
    static QJsonObject document(const Check &check, const QString &sharedBy);

    /// check(), then the document, or an Error with code NoConsent and refusal().
    static Result<QJsonObject> build(Store &store, const QString &familyId, const QString &agency,
        QDate day, const QString &sharedBy);

    /// Writes a document to path as indented JSON, readable by its owner only. Never
    /// replaces a file that is there (AlreadyExists); leaves nothing behind on failure.
    static Result<void> write(const QJsonObject &document, const QString &path);

    /// The record of a share written to path: the family, the agency, when, by whom, how
    /// many people and on which consents. Immutable once saved.
    static Change disclosure(const QJsonObject &document, const QString &path, const QDateTime &at);

    /// write(), then the disclosure saved through apply (Store::apply, or Session::apply in
    /// the app). If the record cannot be saved the file is removed again: there is never a
    /// share on disk that the store does not account for.
    static Result<void> writeAndRecord(const QJsonObject &document, const QString &path,
        const QDateTime &at, const std::function<Result<QString>(const Change &)> &apply);
};

} // namespace doorstep

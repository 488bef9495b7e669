#pragma once

#include "documents/crisiscarddocument.h"
#include "documents/endingletterdocument.h"
#include "documents/familyplandocument.h"
#include "domain/crisiscard.h"
#include "domain/endingletter.h"
#include "domain/familyplan.h"
#include "domain/result.h"
#include "domain/threehouses.h"
#include "store/familygenogram.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace doorstep
{

class Store;

/// The documents a family keeps, made from what the store holds and saved as PDF files into
/// a folder the practitioner chose: the one place the records become documents.
class FamilyDocuments
{
    Q_DECLARE_TR_FUNCTIONS(doorstep::FamilyDocuments)

public:
    /// The service named on the ending letter. A constant until the service is configured.
    static QString serviceName();
    /// Documents/Doorstep for families, made when first used.
    static QString defaultFolder();
    /// The practitioner leading the family's case (the open allocation); empty when none.
    static QString practitionerName(Store &store, const QString &familyId);

    /// The plan as the family keeps it. `houses` are the three houses of the plan's members
    /// (any order, a member with none left out); only the houses each child agreed to share are
    /// taken into the document, so a private house never reaches a PDF.
    static FamilyPlanDocument plan(const FamilyPlan &plan, const QString &practitionerName,
        const QDate &today, const QList<ThreeHouses> &houses = {});
    /// Puts the family's genogram and ecomap into their plan (a section left out when both
    /// are empty), laid out afresh: people the practitioner placed by hand keep their places.
    static void addGenogram(FamilyPlanDocument &document, const FamilyGenogram &genogram);
    /// The family's own members (the family record's people), as the ecomap's circle lists
    /// them, on screen and in print.
    static QList<EcomapLayout::Member> ecomapMembers(const FamilyGenogram &genogram);
    static CrisisCardDocument crisisCard(const CrisisCard &card, const QString &familyName);
    static EndingLetterDocument endingLetter(const EndingLetter &letter, const QString &familyName,
        const QStringList &achievedGoals, const QString &practitionerName);

    /// "<Family> <what> <date>.pdf" with only letters, digits, spaces and hyphens in it.
    static QString fileName(const QString &familyName, const QString &what, const QDate &date);

    /// Writes a document into `folder` as `fileName`, or "name (2).pdf" and so on when that
    /// is taken, never replacing a file; `write` writes to the path it is given. The default
    /// folder is made when missing; any other folder must exist. Returns the path written.
    static Result<QString> save(const QString &folder, const QString &fileName,
        const std::function<Result<int>(const QString &path)> &write);
    /// save() of bytes already made (a PDF, a PNG, an SVG), written whole or not at all.
    static Result<QString> saveBytes(
        const QString &folder, const QString &fileName, const QByteArray &bytes);
};

} // namespace doorstep

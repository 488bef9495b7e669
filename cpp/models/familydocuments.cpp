#include "models/familydocuments.h"

#include "store/casesummaryrepository.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace doorstep
{

QString FamilyDocuments::serviceName()
{
    return tr("Early Help");
}

QString FamilyDocuments::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(QStringLiteral("Doorstep for families"));
}

QString FamilyDocuments::practitionerName(Store &store, const QString &familyId)
{
    auto summary = CaseSummaryRepository(store).forFamily(familyId);
    if (!summary || !summary->allocation)
        return {};
    return summary->allocation->practitionerName;
}

FamilyPlanDocument FamilyDocuments::plan(const FamilyPlan &plan, const QString &practitionerName,
    const QDate &today, const QList<ThreeHouses> &houses)
{
    FamilyPlanDocument document;
    document.familyName = plan.familyName;
    document.date = today;
    document.practitionerName = practitionerName;

    const auto status = [](const QString &value) {
        if (value == QLatin1String("achieved"))
            return FamilyPlanDocument::GoalStatus::Achieved;
        if (value == QLatin1String("not_achieved"))
            return FamilyPlanDocument::GoalStatus::NotAchieved;
        if (value == QLatin1String("withdrawn"))
            return FamilyPlanDocument::GoalStatus::Withdrawn;
        return FamilyPlanDocument::GoalStatus::Open;
    };
    const auto goalsOf = [&](const QString &personId) {
        QList<FamilyPlanDocument::Goal> goals;
        for (const Goal &goal : plan.goals) {
            if (goal.personId == personId && !goal.words.trimmed().isEmpty())
                goals.append({ goal.words, status(goal.status) });
        }
        return goals;
    };
    // The whole family's goals first, then each member's, as the plan page shows them.
    const auto familyGoals = goalsOf(QString());
    if (!familyGoals.isEmpty())
        document.members.append({ QString(), familyGoals });
    for (const Person &person : plan.members) {
        const auto goals = goalsOf(person.id);
        if (!goals.isEmpty())
            document.members.append({ person.givenName, goals });
    }
    for (const PlanAction &action : plan.actions) {
        if (!action.description.trimmed().isEmpty())
            document.actions.append(
                { action.description, action.who, action.dueOn, action.doneOn.isValid() });
    }
    // The family reads its reviews oldest first; the plan holds them newest first.
    for (auto it = plan.reviews.crbegin(); it != plan.reviews.crend(); ++it) {
        QStringList attendees;
        // Written one a line or separated by commas.
        static const QRegularExpression separator(QStringLiteral("[\\n,]"));
        for (const QString &name : it->attendees.split(separator)) {
            if (!name.trimmed().isEmpty())
                attendees << name.trimmed();
        }
        document.reviews.append({ it->heldOn, attendees, it->outcome });
    }
    // The children in the family's order, oldest first; each child's houses by the child's own
    // choice. A house kept private is left behind here, before the documents see anything.
    for (const Person &person : plan.members) {
        QList<House> shared;
        for (const ThreeHouses &child : houses) {
            if (child.personId != person.id)
                continue;
            for (const House &house : child.houses) {
                if (house.shareAllowed && house.personId == person.id)
                    shared.append(house);
            }
        }
        if (!shared.isEmpty())
            document.childVoices.append(
                { person.givenName.simplified(), person.ageOn(today), shared });
    }
    return document;
}

void FamilyDocuments::addGenogram(FamilyPlanDocument &document, const FamilyGenogram &genogram)
{
    //: The family's name in the middle of their genogram and ecomap: "The Ashdown family".
    const QString label = tr("The %1 family").arg(document.familyName);
    if (!genogram.genogram.people().isEmpty())
        document.genogram = FamilyPlanDocument::GenogramPicture { genogram.genogram,
            GenogramLayout::layout(genogram.genogram), label };
    if (!genogram.ecomap.isEmpty())
        document.ecomap
            = FamilyPlanDocument::EcomapPicture { label, genogram.ecomap, ecomapMembers(genogram) };
}

QList<EcomapLayout::Member> FamilyDocuments::ecomapMembers(const FamilyGenogram &genogram)
{
    QList<EcomapLayout::Member> members;
    for (const GenogramPerson &person : genogram.genogram.people()) {
        if (genogram.familyRecordIds.contains(person.id))
            members.append({ person.id, person.displayName });
    }
    return members;
}

CrisisCardDocument FamilyDocuments::crisisCard(const CrisisCard &card, const QString &familyName)
{
    CrisisCardDocument document;
    document.familyName = familyName;
    document.madeOn = card.madeOn;
    document.warningSigns = card.warningSigns;
    document.whatToDo = card.whatToDo;
    document.whoToCall = CrisisCardDocument::contactsFromText(card.whoToCall);
    return document;
}

EndingLetterDocument FamilyDocuments::endingLetter(const EndingLetter &letter,
    const QString &familyName, const QStringList &achievedGoals, const QString &practitionerName)
{
    EndingLetterDocument document;
    document.familyName = familyName;
    document.addressedTo = letter.addressedTo;
    document.writtenOn = letter.writtenOn;
    document.progress = letter.progress;
    // A progress started from the achieved goals lists them already: not twice.
    for (const QString &goal : achievedGoals) {
        if (!letter.progress.contains(goal))
            document.achievedGoals << goal;
    }
    document.whereToGetHelp = letter.whereToGetHelp;
    document.practitionerName = practitionerName;
    document.serviceName = serviceName();
    return document;
}

QString FamilyDocuments::fileName(const QString &familyName, const QString &what, const QDate &date)
{
    const QString raw
        = QStringLiteral("%1 %2 %3").arg(familyName, what, date.toString(Qt::ISODate));
    QString name;
    for (const QChar c : raw) {
        const bool keep = c.isLetterOrNumber() || c == QLatin1Char('-');
        if (keep)
            name += c;
        else if (!name.isEmpty() && !name.endsWith(QLatin1Char(' ')))
            name += QLatin1Char(' ');
    }
    return name.trimmed() + QStringLiteral(".pdf");
}

Result<QString> FamilyDocuments::save(const QString &folder, const QString &fileName,
    const std::function<Result<int>(const QString &path)> &write)
{
    const QString chosen = folder.trimmed();
    if (chosen.isEmpty())
        return Error { Error::Code::InvalidArgument,
            tr("Choose the folder to save the document in.") };
    // The default folder is made on first use; a folder typed by hand must exist, so a slip
    // of the finger does not scatter family documents into a new folder somewhere.
    if (QDir::cleanPath(chosen) == QDir::cleanPath(defaultFolder()))
        QDir().mkpath(chosen);
    if (!QFileInfo(chosen).isDir()) {
        return Error { Error::Code::NotFound,
            tr("Nothing was saved: the folder %1 does not exist.").arg(chosen) };
    }
    // "name.pdf", then "name (2).pdf": numbered before the extension, whatever it is.
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    const QString stem = dot > 0 ? fileName.left(dot) : fileName;
    const QString extension = dot > 0 ? fileName.mid(dot) : QString();
    for (int attempt = 1; attempt < 100; ++attempt) {
        const QString name = attempt == 1
            ? fileName
            : QStringLiteral("%1 (%2)%3").arg(stem).arg(attempt).arg(extension);
        const QString path = QDir(chosen).filePath(name);
        if (QFileInfo::exists(path))
            continue;
        auto written = write(path);
        if (!written)
            return written.error();
        return path;
    }
    return Error { Error::Code::AlreadyExists,
        tr("Nothing was saved: the folder %1 already holds too many copies of this document "
           "for today.")
            .arg(chosen) };
}

Result<QString> FamilyDocuments::saveBytes(
    const QString &folder, const QString &fileName, const QByteArray &bytes)
{
    return save(folder, fileName, [&bytes](const QString &path) -> Result<int> {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return Error {
                Error::Code::Io,
                tr("Nothing was saved: %1 could not be written (%2).").arg(path, file.errorString())
            };
        return 1;
    });
}

} // namespace doorstep

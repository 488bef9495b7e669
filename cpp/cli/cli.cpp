#include "cli/cli.h"

#include "cli/demodata.h"
#include "client/syncclient.h"
#include "domain/agencies.h"
#include "protocol/recordschema.h"
#include "security/storeaccess.h"
#include "store/agencyshare.h"
#include "store/documentrepository.h"
#include "store/familyrepository.h"
#include "store/personrepository.h"
#include "store/storeexport.h"
#include "store/visitrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSysInfo>
#include <QUrl>
#include <functional>
#include <map>

namespace doorstep
{

namespace
{

QString errorCodeName(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidArgument:
        return QStringLiteral("invalid-argument");
    case Error::Code::NotFound:
        return QStringLiteral("not-found");
    case Error::Code::AlreadyExists:
        return QStringLiteral("already-exists");
    case Error::Code::WrongPassphrase:
        return QStringLiteral("wrong-passphrase");
    case Error::Code::LockedOut:
        return QStringLiteral("locked-out");
    case Error::Code::Damaged:
        return QStringLiteral("damaged");
    case Error::Code::Unsupported:
        return QStringLiteral("unsupported");
    case Error::Code::Immutable:
        return QStringLiteral("immutable");
    case Error::Code::Io:
        return QStringLiteral("io");
    case Error::Code::Internal:
        return QStringLiteral("internal");
    case Error::Code::NoConsent:
        return QStringLiteral("no-consent");
    case Error::Code::NotPermitted:
        return QStringLiteral("not-permitted");
    }
    return QStringLiteral("internal");
}

QString option(const char *name)
{
    return QString::fromLatin1(name);
}

/// One command's parsed arguments and the shared plumbing every command needs.
struct Invocation {
    QCommandLineParser &parser;
    QTextStream &out;
    QProcessEnvironment environment;
    QStringList words; ///< positional arguments after the command name(s)
    bool json = false;

    QString storeFolder() const
    {
        if (parser.isSet(option("store")))
            return parser.value(option("store"));
        if (environment.contains(QStringLiteral("DOORSTEP_STORE")))
            return environment.value(QStringLiteral("DOORSTEP_STORE"));
        return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
            .filePath(QStringLiteral("doorstep/store"));
    }

    Result<SecureBytes> secret(const char *fileOption, const char *variable) const
    {
        const QString fileName = parser.value(option(fileOption));
        if (!fileName.isEmpty()) {
            QFile file;
            const bool opened = fileName == QLatin1String("-")
                ? file.open(stdin, QIODevice::ReadOnly)
                : (file.setFileName(fileName), file.open(QIODevice::ReadOnly));
            if (!opened)
                return makeError(Error::Code::NotFound,
                    QStringLiteral("Could not read the passphrase file %1: %2.")
                        .arg(fileName, file.errorString()));
            QByteArray bytes = file.readLine(4096);
            while (bytes.endsWith('\n') || bytes.endsWith('\r'))
                bytes.chop(1);
            auto secure = SecureBytes::fromUtf8(bytes);
            bytes.fill('\0');
            if (secure && secure->isEmpty())
                return makeError(Error::Code::InvalidArgument,
                    QStringLiteral("The passphrase file %1 is empty.").arg(fileName));
            return secure;
        }
        const QString name = QString::fromLatin1(variable);
        if (environment.contains(name) && !environment.value(name).isEmpty())
            return SecureBytes::fromString(environment.value(name));
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("No passphrase given: use --%1 FILE or set %2.")
                .arg(QString::fromLatin1(fileOption), name));
    }

    Result<std::unique_ptr<Store>> openStore() const
    {
        auto passphrase = secret("passphrase-file", "DOORSTEP_PASSPHRASE");
        if (!passphrase)
            return passphrase.error();
        return StoreAccess::open(storeFolder(), *passphrase);
    }

    void print(const QJsonObject &object, const QString &text) const
    {
        if (json)
            out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        else
            out << text;
        out.flush();
    }
};

using CommandFunction = std::function<Result<void>(Invocation &)>;

struct CommandSpec {
    QStringList options; ///< long names this command accepts besides the global ones
    QString usage;
    CommandFunction run;
};

Result<KdfParams> kdfFrom(const Invocation &in, KdfParams params)
{
    if (in.parser.isSet(option("kdf-memory-mib"))) {
        bool ok = false;
        const quint64 mib = in.parser.value(option("kdf-memory-mib")).toULongLong(&ok);
        if (!ok)
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("--kdf-memory-mib must be a whole number."));
        params.memLimitBytes = mib << 20;
    }
    if (in.parser.isSet(option("kdf-iterations"))) {
        bool ok = false;
        params.opsLimit = in.parser.value(option("kdf-iterations")).toULongLong(&ok);
        if (!ok)
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("--kdf-iterations must be a whole number."));
    }
    if (auto valid = params.validate(); !valid)
        return valid.error();
    return params;
}

Result<int> positiveNumber(const Invocation &in, const char *name, int defaultValue, int maximum)
{
    if (!in.parser.isSet(option(name)))
        return defaultValue;
    bool ok = false;
    const int value = in.parser.value(option(name)).toInt(&ok);
    if (!ok || value < 0 || value > maximum)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("--%1 must be a whole number from 0 to %2.")
                .arg(QString::fromLatin1(name))
                .arg(maximum));
    return value;
}

Result<QString> requiredWord(const Invocation &in, const QString &what)
{
    if (in.words.size() != 1)
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("Give exactly one %1.").arg(what));
    return in.words.first();
}

Result<QString> requiredOption(const Invocation &in, const char *name)
{
    const QString value = in.parser.value(option(name));
    if (value.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("--%1 is required.").arg(QString::fromLatin1(name)));
    return value;
}

// Options given on the command line become fields; unset options are left out so an
// add never writes empty values it was not asked for.
QList<FieldValue> fieldsFrom(
    const Invocation &in, std::initializer_list<std::pair<const char *, const char *>> map)
{
    QList<FieldValue> fields;
    for (const auto &[opt, field] : map) {
        if (in.parser.isSet(option(opt)))
            fields.append({ QString::fromLatin1(field), in.parser.value(option(opt)) });
    }
    return fields;
}

Result<void> runInit(Invocation &in)
{
    auto user = requiredOption(in, "user");
    if (!user)
        return user.error();
    auto passphrase = in.secret("passphrase-file", "DOORSTEP_PASSPHRASE");
    if (!passphrase)
        return passphrase.error();
    auto params = kdfFrom(in, KdfParams::standard());
    if (!params)
        return params.error();
    auto store = StoreAccess::create(in.storeFolder(), *passphrase, *user, *params);
    if (!store)
        return store.error();
    in.print({ { QStringLiteral("store"), in.storeFolder() },
                 { QStringLiteral("deviceId"), (*store)->deviceId() },
                 { QStringLiteral("userId"), (*store)->userId() } },
        QStringLiteral("Created an encrypted store in %1 for %2.\n")
            .arg(in.storeFolder(), (*store)->userId()));
    return {};
}

Result<void> runPasswd(Invocation &in)
{
    auto oldPassphrase = in.secret("passphrase-file", "DOORSTEP_PASSPHRASE");
    if (!oldPassphrase)
        return oldPassphrase.error();
    auto newPassphrase = in.secret("new-passphrase-file", "DOORSTEP_NEW_PASSPHRASE");
    if (!newPassphrase)
        return newPassphrase.error();
    std::optional<KdfParams> params;
    if (in.parser.isSet(option("kdf-memory-mib")) || in.parser.isSet(option("kdf-iterations"))) {
        auto chosen = kdfFrom(in, KdfParams::standard());
        if (!chosen)
            return chosen.error();
        params = *chosen;
    }
    auto changed
        = StoreAccess::changePassphrase(in.storeFolder(), *oldPassphrase, *newPassphrase, params);
    if (!changed)
        return changed.error();
    in.print({ { QStringLiteral("changed"), true } },
        QStringLiteral("The passphrase was changed. The data was not re-encrypted.\n"));
    return {};
}

Result<void> runDemo(Invocation &in)
{
    auto families = positiveNumber(in, "families", 20, 100000);
    if (!families)
        return families.error();
    bool seedOk = false;
    const quint32 seed = in.parser.isSet(option("seed"))
        ? in.parser.value(option("seed")).toUInt(&seedOk)
        : (seedOk = true, 1u);
    if (!seedOk)
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("--seed must be a whole number."));
    auto store = in.openStore();
    if (!store)
        return store.error();
    DemoData::Options options;
    options.families = *families;
    options.seed = seed;
    options.practitionerId = (*store)->userId();
    options.practitionerName = (*store)->userId();
    QList<Change> batch;
    constexpr int FamiliesPerTransaction = 200;
    // The first few families' children have drawn their three houses.
    constexpr int FamiliesWithHouses = 5;
    for (int i = 0; i < options.families; ++i) {
        batch << DemoData::family(options, i);
        batch << DemoData::genogram(options, i);
        if (i < FamiliesWithHouses)
            batch << DemoData::threeHouses(options, i);
        if ((i + 1) % FamiliesPerTransaction == 0 || i + 1 == options.families) {
            auto applied = (*store)->apply(batch);
            if (!applied)
                return applied.error();
            batch.clear();
        }
    }
    in.print({ { QStringLiteral("families"), options.families },
                 { QStringLiteral("seed"), qint64(seed) } },
        QStringLiteral("Added %1 fictional families (seed %2).\n").arg(options.families).arg(seed));
    return {};
}

QJsonObject familyJson(const Family &family)
{
    return { { QStringLiteral("id"), family.id },
        { QStringLiteral("familyName"), family.familyName },
        { QStringLiteral("address"), family.address },
        { QStringLiteral("postcode"), family.postcode },
        { QStringLiteral("language"), family.language },
        { QStringLiteral("interpreterNeeded"), family.interpreterNeeded } };
}

QJsonObject personJson(const Person &person)
{
    return { { QStringLiteral("id"), person.id }, { QStringLiteral("familyId"), person.familyId },
        { QStringLiteral("givenName"), person.givenName },
        { QStringLiteral("familyName"), person.familyName },
        { QStringLiteral("dateOfBirth"), person.dateOfBirth.toString(Qt::ISODate) },
        { QStringLiteral("nhsNumber"), person.nhsNumber },
        { QStringLiteral("gender"), person.gender }, { QStringLiteral("role"), person.role },
        { QStringLiteral("school"), person.school } };
}

QJsonObject visitJson(const Visit &visit)
{
    return { { QStringLiteral("id"), visit.id }, { QStringLiteral("familyId"), visit.familyId },
        { QStringLiteral("visitAt"), visit.visitAt.toString(Qt::ISODate) },
        { QStringLiteral("location"), visit.location },
        { QStringLiteral("present"), visit.present },
        { QStringLiteral("workingWell"), visit.workingWell },
        { QStringLiteral("worries"), visit.worries },
        { QStringLiteral("needsToHappen"), visit.needsToHappen },
        { QStringLiteral("notes"), visit.notes }, { QStringLiteral("final"), visit.isFinal } };
}

QString personLine(const Person &person)
{
    QString line = QStringLiteral("%1  %2").arg(person.id, person.displayName());
    if (person.dateOfBirth.isValid())
        line += QStringLiteral("  born %1").arg(person.dateOfBirth.toString(Qt::ISODate));
    if (!person.nhsNumber.isEmpty())
        line += QStringLiteral("  NHS %1 %2 %3")
                    .arg(person.nhsNumber.left(3), person.nhsNumber.mid(3, 3),
                        person.nhsNumber.mid(6));
    if (!person.role.isEmpty())
        line += QStringLiteral("  (%1)").arg(person.role);
    return line + QLatin1Char('\n');
}

QString visitLine(const Visit &visit)
{
    return QStringLiteral("%1  %2%3\n")
        .arg(visit.id, visit.visitAt.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
            visit.isFinal ? QStringLiteral("  final") : QString());
}

Result<void> runFamilyAdd(Invocation &in)
{
    auto name = requiredOption(in, "name");
    if (!name)
        return name.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    QList<FieldValue> fields = fieldsFrom(in,
        { { "name", "family_name" }, { "address", "address" }, { "postcode", "postcode" },
            { "language", "language" } });
    if (in.parser.isSet(option("interpreter")))
        fields.append({ QStringLiteral("interpreter_needed"), true });
    auto id = (*store)->apply(Change::create(QStringLiteral("family"), fields));
    if (!id)
        return id.error();
    in.print({ { QStringLiteral("id"), *id } }, *id + QLatin1Char('\n'));
    return {};
}

Result<void> runFamilyList(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto families = FamilyRepository(**store).list(in.parser.value(option("search")));
    if (!families)
        return families.error();
    QJsonArray array;
    QString text;
    for (const Family &family : *families) {
        array.append(familyJson(family));
        text += QStringLiteral("%1  %2\n").arg(family.id, family.familyName);
    }
    in.print({ { QStringLiteral("families"), array } }, text);
    return {};
}

Result<void> runFamilyShow(Invocation &in)
{
    auto id = requiredWord(in, QStringLiteral("family id"));
    if (!id)
        return id.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto family = FamilyRepository(**store).find(*id);
    if (!family)
        return family.error();
    if (!*family)
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no family with id %1.").arg(*id));
    auto people = PersonRepository(**store).forFamily(*id);
    if (!people)
        return people.error();
    auto visits = VisitRepository(**store).forFamily(*id);
    if (!visits)
        return visits.error();
    QJsonObject object = familyJson(**family);
    QJsonArray peopleArray, visitArray;
    QString text
        = QStringLiteral("%1 family  (%2)\n%3 %4\n\nPeople:\n")
              .arg((*family)->familyName, (*family)->id, (*family)->address, (*family)->postcode);
    for (const Person &person : *people) {
        peopleArray.append(personJson(person));
        text += QStringLiteral("  ") + personLine(person);
    }
    text += QStringLiteral("\nVisits:\n");
    for (const Visit &visit : *visits) {
        visitArray.append(visitJson(visit));
        text += QStringLiteral("  ") + visitLine(visit);
    }
    object.insert(QStringLiteral("people"), peopleArray);
    object.insert(QStringLiteral("visits"), visitArray);
    in.print(object, text);
    return {};
}

Result<void> runPersonAdd(Invocation &in)
{
    auto family = requiredOption(in, "family");
    if (!family)
        return family.error();
    auto given = requiredOption(in, "given");
    if (!given)
        return given.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    const QList<FieldValue> fields = fieldsFrom(in,
        { { "family", "family_id" }, { "given", "given_name" }, { "family-name", "family_name" },
            { "dob", "date_of_birth" }, { "nhs", "nhs_number" }, { "gender", "gender" },
            { "role", "role" }, { "school", "school" } });
    auto id = (*store)->apply(Change::create(QStringLiteral("person"), fields));
    if (!id)
        return id.error();
    in.print({ { QStringLiteral("id"), *id } }, *id + QLatin1Char('\n'));
    return {};
}

Result<void> runPersonList(Invocation &in)
{
    auto family = requiredOption(in, "family");
    if (!family)
        return family.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto people = PersonRepository(**store).forFamily(*family);
    if (!people)
        return people.error();
    QJsonArray array;
    QString text;
    for (const Person &person : *people) {
        array.append(personJson(person));
        text += personLine(person);
    }
    in.print({ { QStringLiteral("people"), array } }, text);
    return {};
}

Result<void> runPersonShow(Invocation &in)
{
    auto id = requiredWord(in, QStringLiteral("person id"));
    if (!id)
        return id.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto person = PersonRepository(**store).find(*id);
    if (!person)
        return person.error();
    if (!*person)
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no person with id %1.").arg(*id));
    in.print(personJson(**person), personLine(**person));
    return {};
}

Result<void> runVisitAdd(Invocation &in)
{
    auto family = requiredOption(in, "family");
    if (!family)
        return family.error();
    auto at = requiredOption(in, "at");
    if (!at)
        return at.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    QList<FieldValue> fields = fieldsFrom(in,
        { { "family", "family_id" }, { "at", "visit_at" }, { "location", "location" },
            { "present", "present" }, { "working-well", "working_well" }, { "worries", "worries" },
            { "needs", "needs_to_happen" }, { "notes", "notes" } });
    fields.append({ QStringLiteral("author_id"), (*store)->userId() });
    auto id = (*store)->apply(Change::create(QStringLiteral("visit"), fields));
    if (!id)
        return id.error();
    in.print({ { QStringLiteral("id"), *id } }, *id + QLatin1Char('\n'));
    return {};
}

Result<void> runVisitList(Invocation &in)
{
    auto family = requiredOption(in, "family");
    if (!family)
        return family.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto visits = VisitRepository(**store).forFamily(*family);
    if (!visits)
        return visits.error();
    QJsonArray array;
    QString text;
    for (const Visit &visit : *visits) {
        array.append(visitJson(visit));
        text += visitLine(visit);
    }
    in.print({ { QStringLiteral("visits"), array } }, text);
    return {};
}

Result<void> runVisitShow(Invocation &in)
{
    auto id = requiredWord(in, QStringLiteral("visit id"));
    if (!id)
        return id.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto visit = VisitRepository(**store).find(*id);
    if (!visit)
        return visit.error();
    if (!*visit)
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no visit with id %1.").arg(*id));
    const Visit &v = **visit;
    in.print(visitJson(v),
        QStringLiteral("%1Where: %2\nPresent: %3\nWhat's working well: %4\nWhat are we "
                       "worried about: %5\nWhat needs to happen: %6\nNotes: %7\n")
            .arg(visitLine(v), v.location, v.present, v.workingWell, v.worries, v.needsToHappen,
                v.notes));
    return {};
}

Result<void> runExport(Invocation &in)
{
    if (!in.json)
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("export writes JSON only: add --json."));
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto exported = StoreExport::toJson(**store);
    if (!exported)
        return exported.error();
    in.out << QJsonDocument(*exported).toJson(QJsonDocument::Indented);
    in.out.flush();
    return {};
}

// Refused (exit 10, nothing written) unless everyone in the family has valid consent to
// share with the agency today; see AgencyShare and SharingConsent for whose consent counts.
Result<void> runShare(Invocation &in)
{
    auto family = requiredOption(in, "family");
    if (!family)
        return family.error();
    auto agency = requiredOption(in, "agency");
    if (!agency)
        return agency.error();
    auto out = requiredOption(in, "out");
    if (!out)
        return out.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto document
        = AgencyShare::build(**store, *family, *agency, QDate::currentDate(), (*store)->userId());
    if (!document)
        return document.error();
    if (auto written = AgencyShare::writeAndRecord(*document, *out, QDateTime::currentDateTimeUtc(),
            [&store](const Change &change) { return (*store)->apply(change); });
        !written)
        return written.error();
    const qsizetype people = document->value(QStringLiteral("people")).toArray().size();
    in.print({ { QStringLiteral("out"), *out }, { QStringLiteral("agency"), *agency },
                 { QStringLiteral("people"), people } },
        QStringLiteral("Wrote what may be shared with %1 about %2 to %3.\n")
            .arg(Agencies::englishPhrase(*agency),
                people == 1 ? QStringLiteral("1 person") : QStringLiteral("%1 people").arg(people),
                *out));
    return {};
}

/// What a file's first bytes say it is: the two kinds of document Doorstep keeps.
QString mediaTypeOf(const QByteArray &bytes)
{
    if (bytes.startsWith("%PDF-"))
        return QStringLiteral("application/pdf");
    if (bytes.startsWith("\x89PNG\r\n\x1a\n"))
        return QStringLiteral("image/png");
    return {};
}

QJsonObject documentJson(const Document &document)
{
    return { { QStringLiteral("id"), document.id }, { QStringLiteral("family"), document.familyId },
        { QStringLiteral("purpose"), document.purpose },
        { QStringLiteral("about"), document.aboutId }, { QStringLiteral("title"), document.title },
        { QStringLiteral("mediaType"), document.mediaType },
        { QStringLiteral("sha256"), document.sha256 }, { QStringLiteral("size"), document.size },
        { QStringLiteral("madeAt"), document.madeAt.toString(Qt::ISODate) },
        { QStringLiteral("here"), document.bytesHere } };
}

// Keeps a PDF or PNG (a scanned paper consent, say) as a document of the family, inside the
// encrypted store; it syncs like one made in the app.
Result<void> runDocumentAdd(Invocation &in)
{
    auto family = requiredOption(in, "family");
    if (!family)
        return family.error();
    auto path = requiredOption(in, "file");
    if (!path)
        return path.error();
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound,
            QStringLiteral("Could not read %1: %2.").arg(*path, file.errorString()));
    if (file.size() < 1 || file.size() > MaxBlobBytes)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("%1 is %2 bytes; a document must hold between 1 byte and %3 MiB.")
                .arg(*path)
                .arg(file.size())
                .arg(MaxBlobBytes / (1024 * 1024)));
    const QByteArray bytes = file.readAll();
    const QString mediaType = mediaTypeOf(bytes);
    if (mediaType.isEmpty())
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("%1 is neither a PDF nor a PNG; Doorstep keeps only those.").arg(*path));
    const QString purpose = in.parser.isSet(option("purpose")) ? in.parser.value(option("purpose"))
                                                               : QStringLiteral("other");
    auto store = in.openStore();
    if (!store)
        return store.error();
    QList<FieldValue> fields { { QStringLiteral("family_id"), *family },
        { QStringLiteral("purpose"), purpose }, { QStringLiteral("media_type"), mediaType },
        { QStringLiteral("sha256"), Store::blobSha256(bytes) },
        { QStringLiteral("size"), qint64(bytes.size()) },
        { QStringLiteral("made_at"), QDateTime::currentDateTimeUtc() } };
    if (in.parser.isSet(option("title")))
        fields.append({ QStringLiteral("title"), in.parser.value(option("title")) });
    auto ids = (*store)->apply({ Change::create(QStringLiteral("document"), fields) }, { bytes });
    if (!ids)
        return ids.error();
    in.print({ { QStringLiteral("id"), ids->first() }, { QStringLiteral("size"), bytes.size() } },
        ids->first() + QLatin1Char('\n'));
    return {};
}

Result<void> runDocumentList(Invocation &in)
{
    auto family = requiredOption(in, "family");
    if (!family)
        return family.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto documents = DocumentRepository(**store).forFamily(*family);
    if (!documents)
        return documents.error();
    QJsonArray array;
    QString text;
    for (const Document &document : *documents) {
        array.append(documentJson(document));
        text += QStringLiteral("%1  %2  %3 bytes  %4%5\n")
                    .arg(document.id, document.purpose)
                    .arg(document.size)
                    .arg(document.bytesHere ? QStringLiteral("here")
                                            : QStringLiteral("coming at a later sync"),
                        document.title.isEmpty() ? QString()
                                                 : QStringLiteral("  ") + document.title);
    }
    in.print({ { QStringLiteral("documents"), array } }, text);
    return {};
}

// Writes a document's bytes exactly as they are kept: they are the evidence.
Result<void> runDocumentSave(Invocation &in)
{
    auto id = requiredWord(in, QStringLiteral("document id"));
    if (!id)
        return id.error();
    auto out = requiredOption(in, "out");
    if (!out)
        return out.error();
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto document = DocumentRepository(**store).find(*id);
    if (!document)
        return document.error();
    if (!*document)
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no document with id %1.").arg(*id));
    auto bytes = (*store)->blob((*document)->sha256);
    if (!bytes)
        return bytes.error();
    if (!*bytes)
        return makeError(Error::Code::NotFound,
            QStringLiteral("The document's content has not arrived on this device yet; sync, "
                           "then try again."));
    QSaveFile file(*out);
    if (!file.open(QIODevice::WriteOnly) || file.write(**bytes) != (*bytes)->size()
        || !file.commit())
        return makeError(Error::Code::Io,
            QStringLiteral("Could not write %1: %2.").arg(*out, file.errorString()));
    in.print({ { QStringLiteral("out"), *out }, { QStringLiteral("size"), (*bytes)->size() } },
        QStringLiteral("Wrote %1 bytes to %2.\n").arg((*bytes)->size()).arg(*out));
    return {};
}

/// Waits for a SyncClient call to report: the command line has no other work to do.
SyncClient::Outcome waitFor(
    const std::function<void(std::function<void(SyncClient::Outcome)>)> &call)
{
    QEventLoop loop;
    SyncClient::Outcome outcome;
    bool reported = false;
    call([&](SyncClient::Outcome given) {
        outcome = std::move(given);
        reported = true;
        loop.quit();
    });
    if (!reported)
        loop.exec();
    return outcome;
}

Error syncError(const SyncClient::Outcome &outcome)
{
    using Problem = SyncClient::Outcome::Problem;
    const Error::Code code = outcome.problem == Problem::NotEnrolled ? Error::Code::NotFound
        : outcome.problem == Problem::Revoked                        ? Error::Code::LockedOut
        : outcome.problem == Problem::Update                         ? Error::Code::Unsupported
        : outcome.problem == Problem::Certificate || outcome.problem == Problem::NoConnection
        ? Error::Code::Io
        : Error::Code::InvalidArgument;
    return makeError(code, outcome.message);
}

Result<void> runEnrol(Invocation &in)
{
    auto server = requiredOption(in, "server");
    if (!server)
        return server.error();
    auto caFile = requiredOption(in, "ca");
    if (!caFile)
        return caFile.error();
    auto code = requiredOption(in, "code");
    if (!code)
        return code.error();
    QFile ca(*caFile);
    if (!ca.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound,
            QStringLiteral("Could not read the council certificate %1.").arg(*caFile));
    auto store = in.openStore();
    if (!store)
        return store.error();
    const QString name = in.parser.isSet(option("name")) ? in.parser.value(option("name"))
                                                         : QSysInfo::machineHostName();
    SyncClient client(**store, QStringLiteral(DOORSTEP_VERSION));
    const SyncClient::Outcome outcome = waitFor([&](auto done) {
        client.enrol(QUrl(*server), ca.readAll(), *code, name, std::move(done));
    });
    if (!outcome.ok)
        return syncError(outcome);
    in.print({ { QStringLiteral("server"), *server },
                 { QStringLiteral("device"), (*store)->deviceId() } },
        QStringLiteral("Enrolled this store's device %1 with %2.\n")
            .arg((*store)->deviceId(), *server));
    return {};
}

Result<void> runSync(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return store.error();
    SyncClient client(**store, QStringLiteral(DOORSTEP_VERSION));
    QObject::connect(&client, &SyncClient::progress, [&in](int pushed, int pulled) {
        if (!in.json) {
            in.out << QStringLiteral("\rsent %1, received %2").arg(pushed).arg(pulled);
            in.out.flush();
        }
    });
    const SyncClient::Outcome outcome = waitFor([&](auto done) { client.sync(std::move(done)); });
    if (!in.json)
        in.out << '\n';
    if (outcome.problem == SyncClient::Outcome::Problem::Revoked) {
        // A revoked device removes its data, as the tablet app does.
        store->reset();
        if (auto wiped = StoreAccess::wipe(in.storeFolder()); !wiped)
            return wiped.error();
        return makeError(Error::Code::LockedOut,
            QStringLiteral("%1 This store has been removed.").arg(outcome.message));
    }
    if (!outcome.ok)
        return syncError(outcome);
    QJsonArray blobProblems;
    for (const QString &problem : outcome.blobProblems)
        blobProblems.append(problem);
    in.print({ { QStringLiteral("pushed"), outcome.pushed },
                 { QStringLiteral("pulled"), outcome.pulled },
                 { QStringLiteral("documentsSent"), outcome.blobsSent },
                 { QStringLiteral("documentsReceived"), outcome.blobsReceived },
                 { QStringLiteral("documentProblems"), blobProblems },
                 { QStringLiteral("cursor"), (*store)->pullCursor() } },
        outcome.message + QLatin1Char('\n'));
    return {};
}

Result<void> runVerify(Invocation &in)
{
    auto store = in.openStore();
    if (!store)
        return store.error();
    auto report = (*store)->verify();
    if (!report)
        return report.error();
    QJsonArray problems;
    for (const QString &problem : report->problems)
        problems.append(problem);
    QString text = QStringLiteral("Checked %1 records and %2 journal entries.\n")
                       .arg(report->records)
                       .arg(report->journalEntries);
    text += report->ok() ? QStringLiteral("The store is consistent.\n")
                         : report->problems.join(QLatin1Char('\n')) + QLatin1Char('\n');
    in.print(
        { { QStringLiteral("ok"), report->ok() }, { QStringLiteral("records"), report->records },
            { QStringLiteral("journalEntries"), report->journalEntries },
            { QStringLiteral("problems"), problems } },
        text);
    if (!report->ok())
        return makeError(Error::Code::Damaged,
            QStringLiteral("The store failed verification (%1 problems).")
                .arg(report->problems.size()));
    return {};
}

const std::map<QString, CommandSpec> &commands()
{
    const QStringList kdf { QStringLiteral("kdf-memory-mib"), QStringLiteral("kdf-iterations") };
    static const std::map<QString, CommandSpec> all {
        { QStringLiteral("init"),
            { QStringList { QStringLiteral("user") } + kdf,
                QStringLiteral("init --user ID [--kdf-memory-mib N] [--kdf-iterations N]"),
                runInit } },
        { QStringLiteral("passwd"),
            { QStringList { QStringLiteral("new-passphrase-file") } + kdf,
                QStringLiteral("passwd [--new-passphrase-file F]  (or DOORSTEP_NEW_PASSPHRASE)"),
                runPasswd } },
        { QStringLiteral("demo"),
            { { QStringLiteral("families"), QStringLiteral("seed") },
                QStringLiteral("demo --families N --seed S"), runDemo } },
        { QStringLiteral("family add"),
            { { QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("postcode"),
                  QStringLiteral("language"), QStringLiteral("interpreter") },
                QStringLiteral("family add --name NAME [--address A] [--postcode P] [--language L] "
                               "[--interpreter]"),
                runFamilyAdd } },
        { QStringLiteral("family list"),
            { { QStringLiteral("search") }, QStringLiteral("family list [--search TEXT]"),
                runFamilyList } },
        { QStringLiteral("family show"), { {}, QStringLiteral("family show ID"), runFamilyShow } },
        { QStringLiteral("person add"),
            { { QStringLiteral("family"), QStringLiteral("given"), QStringLiteral("family-name"),
                  QStringLiteral("dob"), QStringLiteral("nhs"), QStringLiteral("gender"),
                  QStringLiteral("role"), QStringLiteral("school") },
                QStringLiteral("person add --family ID --given NAME [--family-name N] [--dob "
                               "YYYY-MM-DD] [--nhs NUMBER] [--gender G] [--role R] [--school S]"),
                runPersonAdd } },
        { QStringLiteral("person list"),
            { { QStringLiteral("family") }, QStringLiteral("person list --family ID"),
                runPersonList } },
        { QStringLiteral("person show"), { {}, QStringLiteral("person show ID"), runPersonShow } },
        { QStringLiteral("visit add"),
            { { QStringLiteral("family"), QStringLiteral("at"), QStringLiteral("location"),
                  QStringLiteral("present"), QStringLiteral("working-well"),
                  QStringLiteral("worries"), QStringLiteral("needs"), QStringLiteral("notes") },
                QStringLiteral("visit add --family ID --at YYYY-MM-DDTHH:MM:SSZ [--location L] "
                               "[--present P] [--working-well T] [--worries T] [--needs T] "
                               "[--notes T]"),
                runVisitAdd } },
        { QStringLiteral("visit list"),
            { { QStringLiteral("family") }, QStringLiteral("visit list --family ID"),
                runVisitList } },
        { QStringLiteral("visit show"), { {}, QStringLiteral("visit show ID"), runVisitShow } },
        { QStringLiteral("document add"),
            { { QStringLiteral("family"), QStringLiteral("file"), QStringLiteral("purpose"),
                  QStringLiteral("title") },
                QStringLiteral("document add --family ID --file PDF-OR-PNG [--purpose P] "
                               "[--title T]"),
                runDocumentAdd } },
        { QStringLiteral("document list"),
            { { QStringLiteral("family") }, QStringLiteral("document list --family ID"),
                runDocumentList } },
        { QStringLiteral("document save"),
            { { QStringLiteral("out") }, QStringLiteral("document save ID --out FILE"),
                runDocumentSave } },
        { QStringLiteral("export"), { {}, QStringLiteral("export --json"), runExport } },
        { QStringLiteral("share"),
            { { QStringLiteral("family"), QStringLiteral("agency"), QStringLiteral("out") },
                QStringLiteral("share --family ID --agency KEY --out FILE"), runShare } },
        { QStringLiteral("verify"), { {}, QStringLiteral("verify"), runVerify } },
        { QStringLiteral("enrol"),
            { { QStringLiteral("server"), QStringLiteral("ca"), QStringLiteral("code"),
                  QStringLiteral("name") },
                QStringLiteral(
                    "enrol --server https://HOST:PORT --ca CA.pem --code CODE [--name N]"),
                runEnrol } },
        { QStringLiteral("sync"), { {}, QStringLiteral("sync"), runSync } },
    };
    return all;
}

QString usageText()
{
    QString text = QStringLiteral(
        "Usage: doorstep-cli [--store DIR] [--passphrase-file F] [--json] COMMAND ...\n"
        "The passphrase comes from --passphrase-file F (- for standard input) or the\n"
        "DOORSTEP_PASSPHRASE environment variable, never from the command line.\n"
        "The store folder is --store DIR, else DOORSTEP_STORE, else the user's data folder.\n\n"
        "Commands:\n");
    for (const auto &[name, spec] : commands())
        text += QStringLiteral("  %1\n").arg(spec.usage);
    return text;
}

} // namespace

Cli::Cli(QTextStream &out, QTextStream &err, QProcessEnvironment environment)
    : m_out(out)
    , m_err(err)
    , m_environment(std::move(environment))
{
}

int Cli::exitCodeFor(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidArgument:
        return Usage;
    case Error::Code::WrongPassphrase:
        return WrongPassphrase;
    case Error::Code::LockedOut:
        return LockedOut;
    case Error::Code::Damaged:
        return Damaged;
    case Error::Code::NotFound:
        return NotFound;
    case Error::Code::AlreadyExists:
        return AlreadyExists;
    case Error::Code::Unsupported:
        return Unsupported;
    case Error::Code::Immutable:
    case Error::Code::NotPermitted:
        return Refused;
    case Error::Code::NoConsent:
        return NoConsent;
    case Error::Code::Io:
    case Error::Code::Internal:
        return Failed;
    }
    return Failed;
}

int Cli::run(const QStringList &arguments)
{
    const bool json = arguments.contains(QStringLiteral("--json"));
    const auto fail = [&](const Error &error) {
        if (json) {
            m_out << QJsonDocument(
                QJsonObject { { QStringLiteral("error"),
                    QJsonObject { { QStringLiteral("code"), errorCodeName(error.code) },
                        { QStringLiteral("message"), error.message } } } })
                         .toJson(QJsonDocument::Indented);
            m_out.flush();
        } else {
            m_err << "doorstep-cli: " << error.message << '\n';
            m_err.flush();
        }
        return exitCodeFor(error.code);
    };

    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--passphrase")
            || argument.startsWith(QLatin1String("--passphrase="))
            || argument == QLatin1String("--new-passphrase")
            || argument.startsWith(QLatin1String("--new-passphrase=")))
            return fail(makeError(Error::Code::InvalidArgument,
                QStringLiteral("A passphrase is never given on the command "
                               "line, where other programs can see it: use "
                               "--passphrase-file FILE or DOORSTEP_PASSPHRASE.")));
    }

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QStringList valued { QStringLiteral("store"), QStringLiteral("passphrase-file"),
        QStringLiteral("new-passphrase-file"), QStringLiteral("user"),
        QStringLiteral("kdf-memory-mib"), QStringLiteral("kdf-iterations"),
        QStringLiteral("families"), QStringLiteral("seed"), QStringLiteral("name"),
        QStringLiteral("address"), QStringLiteral("postcode"), QStringLiteral("language"),
        QStringLiteral("search"), QStringLiteral("family"), QStringLiteral("given"),
        QStringLiteral("family-name"), QStringLiteral("dob"), QStringLiteral("nhs"),
        QStringLiteral("gender"), QStringLiteral("role"), QStringLiteral("school"),
        QStringLiteral("at"), QStringLiteral("location"), QStringLiteral("present"),
        QStringLiteral("working-well"), QStringLiteral("worries"), QStringLiteral("needs"),
        QStringLiteral("notes"), QStringLiteral("agency"), QStringLiteral("out"),
        QStringLiteral("server"), QStringLiteral("ca"), QStringLiteral("code"),
        QStringLiteral("file"), QStringLiteral("purpose"), QStringLiteral("title") };
    for (const QString &name : valued)
        parser.addOption(QCommandLineOption(name, QString(), QStringLiteral("value")));
    for (const char *flag : { "json", "interpreter", "help" })
        parser.addOption(QCommandLineOption(option(flag)));

    if (!parser.parse(QStringList { QStringLiteral("doorstep-cli") } + arguments))
        return fail(makeError(Error::Code::InvalidArgument,
            QStringLiteral("%1 Run doorstep-cli --help for the commands.")
                .arg(parser.errorText())));
    if (parser.isSet(option("help")) || parser.positionalArguments().isEmpty()) {
        m_out << usageText();
        m_out.flush();
        return parser.isSet(option("help")) ? Ok : Usage;
    }

    QStringList words = parser.positionalArguments();
    QString name = words.takeFirst();
    if (!commands().count(name) && !words.isEmpty()) {
        name += QLatin1Char(' ') + words.takeFirst();
    }
    const auto found = commands().find(name);
    if (found == commands().end())
        return fail(makeError(Error::Code::InvalidArgument,
            QStringLiteral("Unknown command \"%1\". Run doorstep-cli --help for the "
                           "commands.")
                .arg(name)));
    const CommandSpec &spec = found->second;

    const QStringList global { QStringLiteral("store"), QStringLiteral("passphrase-file"),
        QStringLiteral("json"), QStringLiteral("help") };
    for (const QString &given : parser.optionNames()) {
        if (!global.contains(given) && !spec.options.contains(given))
            return fail(makeError(Error::Code::InvalidArgument,
                QStringLiteral("--%1 is not an option of \"%2\". Usage: %3")
                    .arg(given, name, spec.usage)));
    }
    // "family show ID", "document save ID --out FILE": the id follows the command's name.
    const bool takesWord = spec.usage.startsWith(name + QLatin1String(" ID"));
    if (!takesWord && !words.isEmpty())
        return fail(makeError(Error::Code::InvalidArgument,
            QStringLiteral("Unexpected \"%1\". Usage: %2").arg(words.first(), spec.usage)));

    Invocation invocation { parser, m_out, m_environment, words, json };
    auto result = spec.run(invocation);
    if (!result)
        return fail(result.error());
    return Ok;
}

} // namespace doorstep

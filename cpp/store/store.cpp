#include "store/store.h"

#include "domain/nhsnumber.h"
#include "protocol/recordschema.h"
#include "store/migrations.h"
#include "store/storewrite.h"
#include "store/transaction.h"
#include "store/walcheck.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QUuid>
#include <algorithm>

Q_LOGGING_CATEGORY(lcStore, "doorstep.store")

namespace doorstep
{

namespace
{

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoNow(const QDateTime &now)
{
    return now.toUTC().toString(Qt::ISODateWithMs);
}

bool isLive(qint64 causalLength)
{
    return causalLength % 2 == 1;
}

QString opName(Change::Op op)
{
    switch (op) {
    case Change::Op::Create:
        return QStringLiteral("create");
    case Change::Op::Update:
        return QStringLiteral("update");
    case Change::Op::Delete:
        return QStringLiteral("delete");
    case Change::Op::Restore:
        return QStringLiteral("restore");
    }
    return {};
}

const QString CausalLength = QStringLiteral("causal_length");

} // namespace

Store::Store(StorePaths paths, Database db, Options options)
    : m_paths(std::move(paths))
    , m_db(std::move(db))
    , m_options(std::move(options))
    , m_clock(m_options.clock)
{
}

Store::~Store()
{
    // Statements must be finalised before the connection closes.
    m_statements.clear();
    m_db.close();
}

Result<std::unique_ptr<Store>> Store::create(
    const QString &folder, QByteArrayView key, const QString &userId, Options options)
{
    if (userId.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A store needs the id of the person who uses it."));
    if (!QDir().mkpath(folder))
        return makeError(
            Error::Code::Io, QStringLiteral("Could not create the folder %1.").arg(folder));
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    StorePaths paths { folder };
    auto db = Database::open(paths.database(), key, Database::Mode::CreateNew, options.protection);
    if (!db)
        return db.error();
    if (auto migrated = Migrations::run(*db); !migrated)
        return migrated.error();

    {
        auto transaction = Transaction::begin(*db);
        if (!transaction)
            return transaction.error();
        auto insert = db->prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"));
        if (!insert)
            return insert.error();
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(options.clock(), Qt::UTC);
        const std::pair<const char *, QVariant> rows[] = {
            { "device_id", newId() },
            { "user_id", userId },
            { "next_op_seq", qint64(1) },
            { "hlc", qint64(0) },
            { "created_at", isoNow(now) },
        };
        for (const auto &[name, value] : rows) {
            if (auto ran = insert->bind(1, QString::fromLatin1(name)).bind(2, value).run(); !ran)
                return ran.error();
        }
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
    }
    std::unique_ptr<Store> store(new Store(paths, std::move(*db), std::move(options)));
    if (auto loaded = store->loadMeta(); !loaded)
        return loaded.error();
    return store;
}

Result<std::unique_ptr<Store>> Store::open(
    const QString &folder, QByteArrayView key, Options options)
{
    StorePaths paths { folder };
    if (!QFile::exists(paths.database()))
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no Doorstep store in %1.").arg(folder));

    const auto damaged = [&](const Error &error) {
        return setAsideDamaged(
            paths, QDateTime::fromMSecsSinceEpoch(options.clock(), Qt::UTC), error);
    };

    if (auto wal = WalCheck::check(paths.wal()); !wal)
        return wal.error().code == Error::Code::Damaged ? damaged(wal.error()) : wal.error();

    auto db
        = Database::open(paths.database(), key, Database::Mode::OpenExisting, options.protection);
    if (!db)
        return db.error().code == Error::Code::Damaged ? damaged(db.error()) : db.error();

    if (options.integrity == Options::Integrity::AtOpen) {
        auto check = db->queryText(QStringLiteral("PRAGMA quick_check"));
        if (!check || *check != QLatin1String("ok")) {
            db->close();
            return damaged(makeError(
                Error::Code::Damaged, QStringLiteral("The database failed its integrity check.")));
        }
    }
    if (auto migrated = Migrations::run(*db); !migrated) {
        if (migrated.error().code == Error::Code::Damaged) {
            db->close();
            return damaged(migrated.error());
        }
        return migrated.error();
    }
    std::unique_ptr<IntegrityCheck> integrityCheck;
    if (options.integrity == Options::Integrity::Deferred) {
        // After the migrations, so the check's connection sees the schema they left.
        auto check = IntegrityCheck::open(paths, key, options.protection);
        if (!check)
            return check.error();
        integrityCheck = std::move(*check);
    }
    std::unique_ptr<Store> store(new Store(paths, std::move(*db), std::move(options)));
    if (auto loaded = store->loadMeta(); !loaded)
        return loaded.error();
    store->m_integrityCheck = std::move(integrityCheck);
    return store;
}

Error Store::setAsideDamaged(const StorePaths &paths, const QDateTime &nowUtc, const Error &found)
{
    auto aside = setAside(paths, nowUtc);
    if (!aside)
        return makeError(Error::Code::Damaged,
            QStringLiteral("%1 It could not be moved aside: %2")
                .arg(found.message, aside.error().message));
    qCWarning(lcStore) << "damaged store moved aside";
    return makeError(Error::Code::Damaged,
        QStringLiteral("%1 The damaged files were moved to %2 and kept for "
                       "IT to examine; nothing was deleted. Re-sync this "
                       "device to restore its data.")
            .arg(found.message, *aside));
}

Result<QString> Store::setAside(const StorePaths &paths, const QDateTime &nowUtc)
{
    const QString name = QStringLiteral("damaged-%1")
                             .arg(nowUtc.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    QDir folder(paths.folder);
    if (!folder.mkdir(name))
        return makeError(Error::Code::Io,
            QStringLiteral("Could not create the folder %1.").arg(folder.filePath(name)));
    const QString target = folder.filePath(name);
    for (const QString &file : { paths.database(), paths.wal(), paths.shm() }) {
        if (!QFile::exists(file))
            continue;
        if (!QFile::rename(file, QDir(target).filePath(QFileInfo(file).fileName())))
            return makeError(Error::Code::Io, QStringLiteral("Could not move %1 aside.").arg(file));
    }
    return target;
}

Result<void> Store::loadMeta()
{
    auto meta = m_db.prepare(QStringLiteral("SELECT key, value FROM meta"));
    if (!meta)
        return meta.error();
    for (;;) {
        auto row = meta->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const QString name = meta->text(0);
        if (name == QLatin1String("device_id"))
            m_deviceId = meta->text(1);
        else if (name == QLatin1String("user_id"))
            m_userId = meta->text(1);
        else if (name == QLatin1String("next_op_seq"))
            m_nextOpSeq = meta->integer(1);
        else if (name == QLatin1String("pull_cursor"))
            m_pullCursor = meta->integer(1);
        else if (name == QLatin1String("pull_catch_up_family"))
            m_pullCatchUp.family = meta->integer(1);
        else if (name == QLatin1String("pull_catch_up_seq"))
            m_pullCatchUp.seq = meta->integer(1);
        else if (name == QLatin1String("acked_op_seq"))
            m_ackedOpSeq = meta->integer(1);
        else if (name == QLatin1String("audit_sent_seq"))
            m_auditSentSeq = meta->integer(1);
        else if (name == QLatin1String("hlc"))
            m_clock.restore(Hlc::fromPacked(meta->integer(1)));
    }
    if (m_deviceId.isEmpty() || m_userId.isEmpty() || m_nextOpSeq < 1)
        return makeError(Error::Code::Damaged,
            QStringLiteral("The store's identity record is missing or damaged."));
    return {};
}

Result<Statement *> Store::cached(const QString &sql)
{
    auto found = m_statements.find(sql);
    if (found != m_statements.end()) {
        found->second.reset();
        return &found->second;
    }
    auto prepared = m_db.prepare(sql);
    if (!prepared)
        return prepared.error();
    auto [inserted, _] = m_statements.emplace(sql, std::move(*prepared));
    return &inserted->second;
}

Result<Statement> Store::query(const QString &sql)
{
    auto prepared = m_db.prepare(sql);
    if (!prepared)
        return prepared.error();
    if (!prepared->isReadOnly())
        return makeError(
            Error::Code::Internal, QStringLiteral("Only Store::apply may write to the store."));
    return prepared;
}

Result<QString> Store::apply(const Change &change)
{
    auto ids = apply(QList<Change> { change });
    if (!ids)
        return ids.error();
    return ids->constFirst();
}

Result<QStringList> Store::apply(const QList<Change> &changes)
{
    return apply(changes, {});
}

Result<QStringList> Store::apply(const QList<Change> &changes, const QList<QByteArray> &blobs)
{
    auto write = Write::begin(*this);
    if (!write)
        return write.error();
    for (const QByteArray &bytes : blobs) {
        if (auto stored = keepBlob(bytes); !stored)
            return stored.error();
    }
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(m_options.clock(), Qt::UTC);
    QStringList ids;
    ids.reserve(changes.size());
    for (const Change &change : changes) {
        auto id = applyOne(change, now);
        if (!id)
            return id.error();
        ids << *id;
    }
    if (auto committed = write->commit(); !committed) {
        // Deferred foreign keys are checked at commit.
        if (committed.error().code == Error::Code::InvalidArgument)
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("The change refers to a record that does not "
                               "exist, so nothing was saved."));
        return committed.error();
    }
    return ids;
}

Result<void> Store::setMeta(const QString &key, qint64 value)
{
    // OR FAIL: on one row it fails just as the default ABORT would (and the caller then rolls
    // everything back), but SQLite need not keep a statement journal for it.
    auto update = cached(QStringLiteral("UPDATE OR FAIL meta SET value = ? WHERE key = ?"));
    if (!update)
        return update.error();
    return (*update)->bind(1, value).bind(2, key).run();
}

Result<void> Store::commitMeta(const QString &key, qint64 value)
{
    auto transaction = Transaction::begin(m_db);
    if (!transaction)
        return transaction.error();
    if (auto set = setMeta(key, value); !set)
        return set.error();
    return transaction->commit();
}

Result<void> Store::saveMeta()
{
    if (auto saved = setMeta(QStringLiteral("next_op_seq"), m_nextOpSeq); !saved)
        return saved;
    return setMeta(QStringLiteral("hlc"), m_clock.last().packed());
}

Result<QVariant> Store::normalise(const RecordKindSpec &kind, const FieldValue &value)
{
    const FieldSpec *spec = kind.field(value.field);
    if (!spec)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A %1 has no field called \"%2\".").arg(kind.label, value.field));
    const QVariant &v = value.value;
    const bool empty
        = v.isNull() || (v.typeId() == QMetaType::QString && v.toString().trimmed().isEmpty());
    if (empty) {
        if (spec->required)
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("The %1 of a %2 is required.").arg(spec->label, kind.label));
        return QVariant();
    }
    const auto invalid = [&](const QString &what) {
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("The %1 must be %2.").arg(spec->label, what));
    };
    switch (spec->type) {
    case FieldType::Text:
        return v.toString();
    case FieldType::Label:
        return v.toString().trimmed();
    case FieldType::Date: {
        const QDate date = v.typeId() == QMetaType::QDate
            ? v.toDate()
            : QDate::fromString(v.toString().trimmed(), Qt::ISODate);
        if (!date.isValid())
            return invalid(QStringLiteral("a date written as YYYY-MM-DD"));
        return date.toString(Qt::ISODate);
    }
    case FieldType::PartialDate: {
        const QString date = v.typeId() == QMetaType::QDate ? v.toDate().toString(Qt::ISODate)
                                                            : v.toString().trimmed();
        if (!RecordSchema::isPartialDate(date))
            return invalid(
                QStringLiteral("a year, month or day written as 1962, 1962-07 or 1962-07-14"));
        return date;
    }
    case FieldType::DateTime: {
        const QDateTime time = v.typeId() == QMetaType::QDateTime
            ? v.toDateTime()
            : QDateTime::fromString(v.toString().trimmed(), Qt::ISODateWithMs);
        if (!time.isValid())
            return invalid(QStringLiteral("a date and time such as 2026-03-04T10:30:00Z"));
        return time.toUTC().toString(Qt::ISODateWithMs);
    }
    case FieldType::Integer: {
        bool ok = false;
        const qint64 number = v.toLongLong(&ok);
        if (!ok)
            return invalid(QStringLiteral("a whole number"));
        if (spec->maximum > spec->minimum && (number < spec->minimum || number > spec->maximum))
            return invalid(
                QStringLiteral("between %1 and %2").arg(spec->minimum).arg(spec->maximum));
        return number;
    }
    case FieldType::Real: {
        bool ok = false;
        const double number = v.toDouble(&ok);
        if (!ok || !qIsFinite(number))
            return invalid(QStringLiteral("a number"));
        return number;
    }
    case FieldType::Boolean:
        if (v.typeId() == QMetaType::Bool)
            return qint64(v.toBool() ? 1 : 0);
        if (v.canConvert<qint64>() && (v.toLongLong() == 0 || v.toLongLong() == 1))
            return v.toLongLong();
        return invalid(QStringLiteral("yes or no"));
    case FieldType::Reference: {
        const QString id = v.toString().trimmed();
        const RecordKindSpec *target = RecordSchema::find(spec->referencedKind);
        auto exists = cached(
            QStringLiteral("SELECT causal_length FROM %1 WHERE id = ?").arg(target->table));
        if (!exists)
            return exists.error();
        auto row = (*exists)->bind(1, id).step();
        if (!row)
            return row.error();
        if (!*row || !isLive((*exists)->integer(0)))
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("The %1 this %2 refers to does not exist.")
                    .arg(spec->label, kind.label));
        return id;
    }
    case FieldType::NhsNumber: {
        auto number = NhsNumber::parse(v.toString());
        if (!number)
            return number.error();
        return number->digits();
    }
    case FieldType::Choice: {
        const QString word = v.toString().trimmed();
        if (!spec->choices.contains(word))
            return invalid(
                QStringLiteral("one of: %1").arg(spec->choices.join(QStringLiteral(", "))));
        return word;
    }
    case FieldType::Blob:
        if (v.typeId() != QMetaType::QByteArray)
            return invalid(QStringLiteral("binary data"));
        return v.toByteArray();
    case FieldType::ContentHash: {
        const QString hash = v.toString().trimmed().toLower();
        if (!RecordSchema::isContentHash(hash))
            return invalid(QStringLiteral("a SHA-256 in 64 hex digits"));
        // Content named here is content held here (apply keeps the bytes it is given
        // first): a record naming bytes this store does not have could never send them.
        auto held = cached(QStringLiteral("SELECT 1 FROM blobs WHERE sha256 = ? AND complete = 1"));
        if (!held)
            return held.error();
        auto row = (*held)->bind(1, hash).step();
        (*held)->reset();
        if (!row)
            return row.error();
        if (!*row)
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("A document must be saved with its content, so nothing was "
                               "saved."));
        return hash;
    }
    }
    return makeError(Error::Code::Internal, QStringLiteral("Unknown field type."));
}

Result<QString> Store::applyOne(const Change &change, const QDateTime &now)
{
    // Every op of one change carries one timestamp: a record signed or finalised in this
    // change is sealed with all of it, so no replica mistakes a field written alongside
    // the seal for an edit made after it (RecordMerge).
    m_changeStamp = m_clock.tick();
    const auto endOfChange = qScopeGuard([this] { m_changeStamp.reset(); });
    const RecordKindSpec *kind = RecordSchema::find(change.kind);
    if (!kind)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("\"%1\" is not a kind of record Doorstep stores.").arg(change.kind));
    using Mutability = RecordKindSpec::Mutability;

    QList<FieldValue> values;
    values.reserve(change.fields.size());
    for (const FieldValue &field : change.fields) {
        for (const FieldValue &earlier : values) {
            if (earlier.field == field.field)
                return makeError(Error::Code::InvalidArgument,
                    QStringLiteral("The field \"%1\" is given twice.").arg(field.field));
        }
        auto normalised = normalise(*kind, field);
        if (!normalised)
            return normalised.error();
        values.append({ field.field, *normalised });
    }

    QString id = change.recordId;
    if (change.op == Change::Op::Create) {
        if (id.isEmpty())
            id = newId();
        else if (QUuid::fromString(id).isNull())
            return makeError(
                Error::Code::InvalidArgument, QStringLiteral("A record id must be a UUID."));
        for (const FieldSpec &spec : kind->fields) {
            if (!spec.required)
                continue;
            const bool given = std::any_of(values.cbegin(), values.cend(),
                [&](const FieldValue &v) { return v.field == spec.name; });
            if (!given)
                return makeError(Error::Code::InvalidArgument,
                    QStringLiteral("The %1 of a %2 is required.").arg(spec.label, kind->label));
        }
        QStringList columns { QStringLiteral("id") };
        QStringList marks { QStringLiteral("?") };
        for (const FieldValue &value : values) {
            columns << value.field;
            marks << QStringLiteral("?");
        }
        auto existing = cached(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(kind->table));
        if (!existing)
            return existing.error();
        auto found = (*existing)->bind(1, id).step();
        if (!found)
            return found.error();
        if (*found)
            return makeError(Error::Code::AlreadyExists,
                QStringLiteral("A %1 with this id already exists.").arg(kind->label));
        auto insert = cached(
            QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                .arg(kind->table, columns.join(QLatin1Char(',')), marks.join(QLatin1Char(','))));
        if (!insert)
            return insert.error();
        (*insert)->bind(1, id);
        for (int i = 0; i < values.size(); ++i)
            (*insert)->bind(i + 2, values[i].value);
        if (auto ran = (*insert)->run(); !ran)
            return ran.error();
        // The record's links first: a server places each record in its family by them, and
        // a push cut between a record's fields must never carry its fields without them.
        QList<FieldValue> linksFirst = values;
        std::stable_partition(linksFirst.begin(), linksFirst.end(), [kind](const FieldValue &v) {
            const FieldSpec *spec = kind->field(v.field);
            return spec && spec->type == FieldType::Reference;
        });
        QStringList written;
        for (const FieldValue &value : linksFirst) {
            if (auto logged = journal(*kind, id, value.field, value.value); !logged)
                return logged.error();
            written << value.field;
        }
        if (auto logged = journal(*kind, id, CausalLength, qint64(1)); !logged)
            return logged.error();
        if (auto audited = audit(opName(change.op), *kind, id, written, now); !audited)
            return audited.error();
        return id;
    }

    // Update, delete and restore start from the record as it is.
    QStringList columns { CausalLength };
    for (const FieldValue &value : values)
        columns << value.field;
    if (kind->mutability == Mutability::FinalisedByStatus
        && !columns.contains(QStringLiteral("status")))
        columns << QStringLiteral("status");
    auto current = cached(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?")
                              .arg(columns.join(QLatin1Char(',')), kind->table));
    if (!current)
        return current.error();
    auto row = (*current)->bind(1, id).step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no %1 with this id.").arg(kind->label));
    const qint64 causalLength = (*current)->integer(0);
    QList<QVariant> before;
    for (int i = 1; i < columns.size(); ++i)
        before << (*current)->value(i);
    const bool finalised = kind->mutability == Mutability::FinalisedByStatus
        && before.at(columns.indexOf(QStringLiteral("status")) - 1).toString()
            == QLatin1String("final");
    (*current)->reset();

    if (kind->mutability == Mutability::Immutable)
        return makeError(Error::Code::Immutable,
            QStringLiteral("A %1 cannot be changed once it is recorded; record a "
                           "new one instead.")
                .arg(kind->label));
    if (finalised)
        return makeError(Error::Code::Immutable,
            QStringLiteral("This %1 has been finalised and cannot be changed; add "
                           "a dated amendment instead.")
                .arg(kind->label));

    if (change.op == Change::Op::Delete || change.op == Change::Op::Restore) {
        const bool wantLive = change.op == Change::Op::Restore;
        if (isLive(causalLength) == wantLive)
            return id; // already as asked: nothing to record
        auto update = cached(QStringLiteral("UPDATE OR FAIL %1 SET causal_length = ? WHERE id = ?")
                                 .arg(kind->table));
        if (!update)
            return update.error();
        if (auto ran = (*update)->bind(1, causalLength + 1).bind(2, id).run(); !ran)
            return ran.error();
        if (auto logged = journal(*kind, id, CausalLength, causalLength + 1); !logged)
            return logged.error();
        if (auto audited = audit(opName(change.op), *kind, id, {}, now); !audited)
            return audited.error();
        return id;
    }

    if (kind->mutability == Mutability::AppendOnly)
        return makeError(Error::Code::Immutable,
            QStringLiteral("A %1 is never changed once written; erase it and add "
                           "a new one.")
                .arg(kind->label));
    if (!isLive(causalLength))
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("This %1 has been deleted; restore it before changing "
                           "it.")
                .arg(kind->label));

    // Only fields whose value really changes are written, journalled and audited: saving
    // as the practitioner types must not flood the journal with repeats.
    QStringList assignments;
    QList<FieldValue> changed;
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &old = before[i];
        const QVariant &now_ = values[i].value;
        const bool same
            = (old.isNull() && now_.isNull()) || (!old.isNull() && !now_.isNull() && old == now_);
        if (same)
            continue;
        assignments << QStringLiteral("%1 = ?").arg(values[i].field);
        changed << values[i];
    }
    if (changed.isEmpty())
        return id;
    auto update = cached(QStringLiteral("UPDATE OR FAIL %1 SET %2 WHERE id = ?")
                             .arg(kind->table, assignments.join(QLatin1Char(','))));
    if (!update)
        return update.error();
    for (int i = 0; i < changed.size(); ++i)
        (*update)->bind(i + 1, changed[i].value);
    (*update)->bind(changed.size() + 1, id);
    if (auto ran = (*update)->run(); !ran)
        return ran.error();
    QStringList written;
    for (const FieldValue &value : changed) {
        if (auto logged = journal(*kind, id, value.field, value.value); !logged)
            return logged.error();
        written << value.field;
    }
    if (auto audited = audit(opName(change.op), *kind, id, written, now); !audited)
        return audited.error();
    return id;
}

Result<void> Store::journal(const RecordKindSpec &kind, const QString &recordId,
    const QString &field, const QVariant &value)
{
    const Hlc stamp = m_changeStamp ? *m_changeStamp : m_clock.tick();
    const qint64 sequence = m_nextOpSeq++;
    const QString opId = QStringLiteral("%1:%2").arg(m_deviceId).arg(sequence);
    // Free text names the version it replaces, so an edit made elsewhere at the same time
    // is seen as concurrent and kept (sync/PROTOCOL.md).
    QVariant replaces;
    const FieldSpec *spec = kind.field(field);
    if (spec && spec->type == FieldType::Text) {
        auto current = cached(QStringLiteral("SELECT op_id FROM field_clock WHERE record_kind = ? "
                                             "AND record_id = ? AND field = ?"));
        if (!current)
            return current.error();
        auto row = (*current)->bind(1, kind.kind).bind(2, recordId).bind(3, field).step();
        if (!row)
            return row.error();
        if (*row && !(*current)->isNull(0))
            replaces = (*current)->text(0);
        (*current)->reset();
    }
    auto insert = cached(QStringLiteral("INSERT INTO change_journal (op_id, record_kind, "
                                        "record_id, field, value, hlc, device_id, op_seq, "
                                        "replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    (*insert)->bind(1, opId).bind(2, kind.kind).bind(3, recordId).bind(4, field).bind(5, value);
    (*insert)->bind(6, stamp.packed()).bind(7, m_deviceId).bind(8, sequence).bind(9, replaces);
    if (auto ran = (*insert)->run(); !ran)
        return ran.error();
    return setFieldClock(kind.kind, recordId, field, stamp, m_deviceId, opId);
}

Result<void> Store::setFieldClock(const QString &kind, const QString &recordId,
    const QString &field, Hlc stamp, const QString &deviceId, const QString &opId)
{
    // Update the clock in place, or insert it if the field has none yet. Not INSERT OR
    // REPLACE: inside a transaction SQLite first copies every page such a statement touches
    // into a statement journal, which SQLCipher encrypts page by page; that was most of what
    // encryption cost the write path (tests/bench/README.md).
    auto clock = cached(QStringLiteral("UPDATE OR FAIL field_clock SET hlc = ?, device_id = ?, "
                                       "op_id = ? WHERE record_kind = ? AND record_id = ? AND "
                                       "field = ?"));
    if (!clock)
        return clock.error();
    (*clock)->bind(1, stamp.packed()).bind(2, deviceId).bind(3, opId).bind(4, kind);
    (*clock)->bind(5, recordId).bind(6, field);
    if (auto ran = (*clock)->run(); !ran)
        return ran.error();
    if (m_db.changes() > 0)
        return {};
    auto first = cached(QStringLiteral("INSERT OR FAIL INTO field_clock (record_kind, record_id, "
                                       "field, hlc, device_id, op_id) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!first)
        return first.error();
    (*first)->bind(1, kind).bind(2, recordId).bind(3, field).bind(4, stamp.packed());
    (*first)->bind(5, deviceId).bind(6, opId);
    return (*first)->run();
}

Result<void> Store::audit(const QString &action, const RecordKindSpec &kind,
    const QString &recordId, const QStringList &fields, const QDateTime &now, const QString &origin)
{
    auto insert = cached(QStringLiteral("INSERT INTO audit_log (at, actor_id, device_id, action, "
                                        "record_kind, record_id, fields, origin) VALUES "
                                        "(?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    (*insert)->bind(1, isoNow(now)).bind(2, m_userId).bind(3, m_deviceId).bind(4, action);
    (*insert)->bind(5, kind.kind).bind(6, recordId).bind(7, fields.join(QLatin1Char(',')));
    (*insert)->bind(8, origin);
    return (*insert)->run();
}

Result<void> Store::noteViewed(const QString &kind, const QString &recordId)
{
    const RecordKindSpec *spec = RecordSchema::find(kind);
    if (!spec)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("There is no kind of record called %1.").arg(kind));
    return audit(QStringLiteral("view"), *spec, recordId, {},
        QDateTime::fromMSecsSinceEpoch(m_options.clock(), Qt::UTC));
}

} // namespace doorstep

#include "server/sqlserverstorage.h"

#include "protocol/opcheck.h"
#include "protocol/recordschema.h"
#include "server/sqltransaction.h"
#include "server/supervisorrecords.h"
#include "store/rowreader.h"

#include <QHash>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSet>
#include <QUuid>
#include <algorithm>
#include <array>
#include <iterator>
#include <sodium.h>

Q_LOGGING_CATEGORY(lcServerStorage, "doorstep.server.storage")

namespace doorstep::server
{

namespace
{

// Numbered schema steps, one transaction each, recorded in PRAGMA user_version (SQLCipher) or
// the doorstep_schema table (PostgreSQL). A step is never edited once released: a change is
// a new step, written for both databases.
constexpr std::array SqlCipherSchemaSteps {
    R"sql(
CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('practitioner', 'supervisor')),
    team TEXT NOT NULL,
    created_at TEXT NOT NULL
);
-- A family the server knows: its practitioner (none for a supervisor's new family) and the
-- team whose supervisors see it.
CREATE TABLE families (
    id TEXT PRIMARY KEY NOT NULL,
    practitioner_id TEXT REFERENCES users (id),
    team TEXT NOT NULL
);
CREATE INDEX families_by_practitioner ON families (practitioner_id);
CREATE INDEX families_by_team ON families (team);
-- Every practitioner and team a family has ever been with: those it has left are told to
-- remove it from their tablets.
CREATE TABLE family_holders (
    holder_kind TEXT NOT NULL CHECK (holder_kind IN ('practitioner', 'team')),
    holder TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES families (id),
    PRIMARY KEY (holder_kind, holder, family_id)
) WITHOUT ROWID;
-- The family of every record the log holds, as the record's first op said: never what a
-- later op claims.
CREATE TABLE record_family (
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES families (id),
    PRIMARY KEY (kind, record_id)
) WITHOUT ROWID;
CREATE TABLE devices (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    app_version TEXT NOT NULL,
    token_hash BLOB NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL,
    last_sync_at TEXT,
    revoked_at TEXT,
    -- Every op of the device up to this local sequence is in the log.
    acked_through INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX devices_by_user ON devices (user_id, enrolled_at);
-- Local sequences of a device held above acked_through, after a gap.
CREATE TABLE device_held (
    device_id TEXT NOT NULL REFERENCES devices (id),
    seq INTEGER NOT NULL,
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;
CREATE TABLE enrolment_codes (
    code_hash BLOB PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    device_id TEXT REFERENCES devices (id)
);
-- AUTOINCREMENT so a sequence is never handed out twice, even if rows were ever purged: a
-- device's cursor must never skip an op.
CREATE TABLE op_log (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    op_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value,
    hlc INTEGER NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices (id),
    replaces TEXT,
    family_id TEXT NOT NULL REFERENCES families (id),
    logged_at TEXT NOT NULL
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    action TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id TEXT NOT NULL,
    detail TEXT NOT NULL
);
)sql",
    R"sql(
-- The families each device holds, numbered in the order it was started on them. A family
-- that comes into a device's scope after its cursor has passed the family's history is
-- sent to it whole, up to from_seq, before the log goes on; complete once the device has
-- said it holds all of it. removed: the family left the device's scope and the device was
-- told to remove it, so it may no longer hold even its own ops (sync/PROTOCOL.md,
-- "Catching up").
CREATE TABLE device_families (
    serial INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id TEXT NOT NULL REFERENCES devices (id),
    family_id TEXT NOT NULL REFERENCES families (id),
    from_seq INTEGER NOT NULL,
    complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
    removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    UNIQUE (device_id, family_id)
);
CREATE INDEX op_log_by_family ON op_log (family_id, seq);
-- Every audit entry of the device up to this sequence of its own is in audit_log.
ALTER TABLE devices ADD COLUMN audited_through INTEGER NOT NULL DEFAULT 0;
)sql",
    R"sql(
-- Blobs (sync/PROTOCOL.md, "Blobs"): the bytes a document names, by SHA-256, kept in the
-- chunks they arrived in, complete once every byte is here and the hash matches.
-- blob_families: which families' documents name a blob, so only devices of users who may
-- read one of those families may send or read it.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    received INTEGER NOT NULL,
    complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
    started_at TEXT NOT NULL,
    started_by TEXT NOT NULL
);
CREATE TABLE blob_chunks (
    sha256 TEXT NOT NULL REFERENCES blobs (sha256),
    position INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (sha256, position)
);
CREATE TABLE blob_families (
    sha256 TEXT NOT NULL,
    family_id TEXT NOT NULL REFERENCES families (id),
    PRIMARY KEY (sha256, family_id)
);
)sql",
    R"sql(
-- Which families are whose changes only with an allocation or a new family. scope_clock
-- counts those changes; a device whose scope_seen is the count has its device_families up
-- to date with its user's scope, so a pull need not read the whole scope again. The
-- indexes find a device's pending families and where its log starts without reading all.
CREATE TABLE scope_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO scope_clock (id, version) VALUES (1, 1);
ALTER TABLE devices ADD COLUMN scope_seen INTEGER NOT NULL DEFAULT 0;
CREATE INDEX device_families_pending ON device_families (device_id, complete, removed, serial);
CREATE INDEX device_families_start ON device_families (device_id, removed, from_seq);
)sql",
    // Step 5: a family's audit is read by record (the supervisor's audit viewer).
    R"sql(
CREATE INDEX audit_log_record ON audit_log (record_kind, record_id);
)sql",
};
// The same tables in PostgreSQL's types: BYTEA for BLOB, identity columns for AUTOINCREMENT
// (a sequence never hands a number out twice either), and an op's value, which SQLite keeps
// in an untyped column, as CBOR bytes. Text compares byte by byte (COLLATE "C"), as SQLite
// compares it, so lists come out in the same order from both databases.
constexpr std::array PostgresSchemaSteps {
    R"sql(
CREATE TABLE users (
    id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    name TEXT COLLATE "C" NOT NULL,
    role TEXT COLLATE "C" NOT NULL CHECK (role IN ('practitioner', 'supervisor')),
    team TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE families (
    id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    practitioner_id TEXT COLLATE "C" REFERENCES users (id),
    team TEXT COLLATE "C" NOT NULL
);
CREATE INDEX families_by_practitioner ON families (practitioner_id);
CREATE INDEX families_by_team ON families (team);
CREATE TABLE family_holders (
    holder_kind TEXT COLLATE "C" NOT NULL CHECK (holder_kind IN ('practitioner', 'team')),
    holder TEXT COLLATE "C" NOT NULL,
    family_id TEXT COLLATE "C" NOT NULL REFERENCES families (id),
    PRIMARY KEY (holder_kind, holder, family_id)
);
CREATE TABLE record_family (
    kind TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C" NOT NULL,
    family_id TEXT COLLATE "C" NOT NULL REFERENCES families (id),
    PRIMARY KEY (kind, record_id)
);
CREATE TABLE devices (
    id TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
    name TEXT COLLATE "C" NOT NULL,
    app_version TEXT COLLATE "C" NOT NULL,
    token_hash BYTEA NOT NULL UNIQUE,
    enrolled_at TEXT COLLATE "C" NOT NULL,
    last_sync_at TEXT COLLATE "C",
    revoked_at TEXT COLLATE "C",
    acked_through BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX devices_by_user ON devices (user_id, enrolled_at);
CREATE TABLE device_held (
    device_id TEXT COLLATE "C" NOT NULL REFERENCES devices (id),
    seq BIGINT NOT NULL,
    PRIMARY KEY (device_id, seq)
);
CREATE TABLE enrolment_codes (
    code_hash BYTEA PRIMARY KEY NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id),
    created_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT COLLATE "C" NOT NULL,
    used_at TEXT COLLATE "C",
    device_id TEXT COLLATE "C" REFERENCES devices (id)
);
CREATE TABLE op_log (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    op_id TEXT COLLATE "C" NOT NULL UNIQUE,
    kind TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C" NOT NULL,
    field TEXT COLLATE "C" NOT NULL,
    value BYTEA,
    hlc BIGINT NOT NULL,
    device_id TEXT COLLATE "C" NOT NULL REFERENCES devices (id),
    replaces TEXT COLLATE "C",
    family_id TEXT COLLATE "C" NOT NULL REFERENCES families (id),
    logged_at TEXT COLLATE "C" NOT NULL
);
CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT COLLATE "C" NOT NULL,
    user_id TEXT COLLATE "C" NOT NULL,
    device_id TEXT COLLATE "C" NOT NULL,
    action TEXT COLLATE "C" NOT NULL,
    record_kind TEXT COLLATE "C" NOT NULL,
    record_id TEXT COLLATE "C" NOT NULL,
    detail TEXT COLLATE "C" NOT NULL
);
)sql",
    R"sql(
CREATE TABLE device_families (
    serial BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    device_id TEXT COLLATE "C" NOT NULL REFERENCES devices (id),
    family_id TEXT COLLATE "C" NOT NULL REFERENCES families (id),
    from_seq BIGINT NOT NULL,
    complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
    removed INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
    UNIQUE (device_id, family_id)
);
CREATE INDEX op_log_by_family ON op_log (family_id, seq);
ALTER TABLE devices ADD COLUMN audited_through BIGINT NOT NULL DEFAULT 0;
)sql",
    R"sql(
CREATE TABLE blobs (
    sha256 TEXT COLLATE "C" PRIMARY KEY,
    size BIGINT NOT NULL,
    received BIGINT NOT NULL,
    complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
    started_at TEXT COLLATE "C" NOT NULL,
    started_by TEXT COLLATE "C" NOT NULL
);
CREATE TABLE blob_chunks (
    sha256 TEXT COLLATE "C" NOT NULL REFERENCES blobs (sha256),
    position BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    data BYTEA NOT NULL,
    PRIMARY KEY (sha256, position)
);
CREATE TABLE blob_families (
    sha256 TEXT COLLATE "C" NOT NULL,
    family_id TEXT COLLATE "C" NOT NULL REFERENCES families (id),
    PRIMARY KEY (sha256, family_id)
);
)sql",
    R"sql(
CREATE TABLE scope_clock (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO scope_clock (id, version) VALUES (1, 1);
ALTER TABLE devices ADD COLUMN scope_seen BIGINT NOT NULL DEFAULT 0;
CREATE INDEX device_families_pending ON device_families (device_id, complete, removed, serial);
CREATE INDEX device_families_start ON device_families (device_id, removed, from_seq);
)sql",
    // Step 5: a family's audit is read by record (the supervisor's audit viewer).
    R"sql(
CREATE INDEX audit_log_record ON audit_log (record_kind, record_id);
)sql",
};

constexpr qint64 MaxClockAheadMs = 24 * 3600 * 1000LL;
constexpr int MinPullLimit = 1;
constexpr int MaxPullLimit = 5000;
constexpr qint64 MaxEnrolmentSeconds = 30 * 24 * 3600LL;
constexpr int EnrolmentCodeDigits = 8;
constexpr int TokenBytes = 32;

const QString FamilyKind = QStringLiteral("family");
const QString DocumentKind = QStringLiteral("document");
const QString DocumentContentField = QStringLiteral("sha256");
const QString AllocationKind = QStringLiteral("allocation");
const QString AllocationPractitionerField = QStringLiteral("practitioner_id");
const QString Practitioner = QStringLiteral("practitioner");
const QString Supervisor = QStringLiteral("supervisor");
const QString Team = QStringLiteral("team");

namespace Action
{
const QString Push = QStringLiteral("push");
const QString Pull = QStringLiteral("pull");
const QString Enrol = QStringLiteral("enrol");
const QString Revoke = QStringLiteral("revoke");
const QString Allocate = QStringLiteral("allocate");
const QString Refused = QStringLiteral("refused");
const QString User = QStringLiteral("user");
} // namespace Action

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime readTime(const SqlStatement &statement, int column)
{
    if (statement.isNull(column))
        return {};
    return QDateTime::fromString(statement.text(column), Qt::ISODateWithMs);
}

QString roleName(User::Role role)
{
    return role == User::Role::Supervisor ? Supervisor : Practitioner;
}

QByteArray sha256(const QByteArray &bytes)
{
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char *>(digest.data()),
        reinterpret_cast<const unsigned char *>(bytes.constData()),
        static_cast<unsigned long long>(bytes.size()));
    return digest;
}

/// Eight digits in two groups of four, easy to read out over the phone and to type.
QString newEnrolmentCode()
{
    const QString digits = QStringLiteral("%1").arg(
        randombytes_uniform(100'000'000U), EnrolmentCodeDigits, 10, QLatin1Char('0'));
    return digits.left(4) + QLatin1Char('-') + digits.mid(4);
}

/// The code's digits, forgiving the spaces and dashes people type; empty if it is not a code.
QString enrolmentDigits(const QString &code)
{
    QString digits;
    for (const QChar c : code) {
        if (c.isSpace() || c == QLatin1Char('-'))
            continue;
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return {};
        digits += c;
    }
    return digits.size() == EnrolmentCodeDigits ? digits : QString();
}

QString newToken()
{
    QByteArray random(TokenBytes, Qt::Uninitialized);
    randombytes_buf(random.data(), size_t(random.size()));
    const QByteArray encoded
        = random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    sodium_memzero(random.data(), size_t(random.size()));
    return QString::fromLatin1(encoded);
}

// Hashes are bound as QVariant so they are stored as blobs, never as text.
QVariant tokenHash(const QString &token)
{
    return QVariant(sha256(token.toUtf8()));
}

QVariant codeHash(const QString &digits)
{
    return QVariant(sha256(digits.toLatin1()));
}

QString recordKey(const QString &kind, const QString &recordId)
{
    return kind + QLatin1Char('\n') + recordId;
}

/// Why the server will not keep an op it could otherwise store, beyond OpCheck's rules.
std::optional<QString> hardeningProblem(const Op &op)
{
    // The op id is the idempotence key, so one local sequence has exactly one spelling.
    if (op.id != op.deviceId + QLatin1Char(':') + QString::number(opSequence(op.id)))
        return QStringLiteral("has an op id that is not written as Doorstep writes them");
    for (const QString &replaced : op.replaces) {
        if (opSequence(replaced) < 1
            || std::any_of(replaced.cbegin(), replaced.cend(), [](QChar c) { return c.isSpace(); }))
            return QStringLiteral("names a replaced version that is not an op id");
    }
    if (op.value.typeId() == QMetaType::Double && !qIsFinite(op.value.toDouble()))
        return QStringLiteral("has a number that is not finite");
    return std::nullopt;
}

Error pushRefusal(qsizetype index, const QString &why)
{
    // Ops are named by position: an op id or value from the network is never echoed.
    return makeError(Error::Code::InvalidArgument,
        QStringLiteral("The push was refused and nothing was kept: its op %1 %2.")
            .arg(index + 1)
            .arg(why));
}

Error revokedRefusal()
{
    return makeError(Error::Code::LockedOut,
        QStringLiteral("This device was revoked: it may no longer sync and must remove its "
                       "data."));
}

Error notEnrolled()
{
    return makeError(Error::Code::NotFound, QStringLiteral("The device is not enrolled."));
}

Device readDevice(const SqlStatement &s)
{
    // Columns: id, user_id, name, app_version, enrolled_at, last_sync_at, revoked_at.
    Device device;
    device.id = s.text(0);
    device.userId = s.text(1);
    device.name = s.text(2);
    device.appVersion = s.text(3);
    device.enrolledAt = readTime(s, 4);
    device.lastSyncAt = readTime(s, 5);
    device.revoked = !s.isNull(6);
    return device;
}

const QString DeviceColumns
    = QStringLiteral("id, user_id, name, app_version, enrolled_at, last_sync_at, revoked_at");

} // namespace

struct SqlServerStorage::PushPlan {
    struct Fresh {
        const Op *op = nullptr;
        QString familyId;
        qint64 sequence = 0;
        bool mapsRecord = false; ///< the record is new: remember its family
        bool createsFamily = false; ///< a family new to the server, brought by this user
    };
    QList<Fresh> fresh;
    int repeated = 0;
    std::optional<Error> refusal;
};

SqlServerStorage::SqlServerStorage(
    std::unique_ptr<SqlConnection> connection, std::function<QDateTime()> clock)
    : m_connection(std::move(connection))
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
{
}

SqlServerStorage::~SqlServerStorage() = default;

Result<void> SqlServerStorage::setUp(SqlConnection &connection)
{
    // Tokens and enrolment codes come from libsodium's generator.
    if (sodium_init() < 0)
        return makeError(
            Error::Code::Unsupported, QStringLiteral("The cryptography library could not start."));
    const bool postgres = connection.dialect() == SqlConnection::Dialect::PostgreSql;
    const auto &steps = postgres ? PostgresSchemaSteps : SqlCipherSchemaSteps;
    const int latest = int(steps.size());
    static_assert(std::size(SqlCipherSchemaSteps) == std::size(PostgresSchemaSteps),
        "each schema step is written for both databases");
    // The version is read again inside each step's transaction: another process (a second
    // server, an admin command) may have taken the step meanwhile.
    for (;;) {
        auto transaction = SqlTransaction::begin(connection);
        if (!transaction)
            return transaction.error();
        auto current = connection.schemaVersion();
        if (!current)
            return current.error();
        if (*current > latest)
            return makeError(Error::Code::Unsupported,
                QStringLiteral("The server's database was written by a newer doorstep-server "
                               "(schema %1; this program knows up to %2). Update the server.")
                    .arg(*current)
                    .arg(latest));
        if (*current == latest)
            return {};
        const int step = *current + 1;
        if (auto applied = connection.exec(QString::fromUtf8(steps[size_t(step - 1)])); !applied)
            return makeError(applied.error().code,
                QStringLiteral("Upgrading the server's database to schema %1 failed: %2")
                    .arg(step)
                    .arg(applied.error().message));
        if (auto stamped = connection.setSchemaVersion(step); !stamped)
            return stamped.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
    }
}

QDateTime SqlServerStorage::now() const
{
    return m_clock().toUTC();
}

Result<SqlStatement *> SqlServerStorage::cached(const QString &sql)
{
    return m_connection->cached(sql);
}

std::unique_lock<std::mutex> SqlServerStorage::lock()
{
    std::unique_lock locked(m_mutex);
    m_connection->reconnectIfLost();
    return locked;
}

Result<std::optional<User>> SqlServerStorage::loadUser(const QString &userId)
{
    auto select = cached(QStringLiteral("SELECT id, name, role, team FROM users WHERE id = ?"));
    if (!select)
        return select.error();
    (*select)->bind(1, userId);
    auto user = readFirst<User>(**select, [](const SqlStatement &s) {
        return User { s.text(0), s.text(1),
            s.text(2) == Supervisor ? User::Role::Supervisor : User::Role::Practitioner,
            s.text(3) };
    });
    (*select)->reset();
    return user;
}

Result<std::optional<Device>> SqlServerStorage::loadDevice(const QString &deviceId)
{
    auto select = cached(QStringLiteral("SELECT %1 FROM devices WHERE id = ?").arg(DeviceColumns));
    if (!select)
        return select.error();
    (*select)->bind(1, deviceId);
    auto device = readFirst<Device>(**select, readDevice);
    (*select)->reset();
    return device;
}

Result<std::optional<QString>> SqlServerStorage::knownRecordFamily(
    const QString &kind, const QString &recordId)
{
    if (kind == FamilyKind)
        return std::optional<QString>(recordId);
    auto select = cached(
        QStringLiteral("SELECT family_id FROM record_family WHERE kind = ? AND record_id = ?"));
    if (!select)
        return select.error();
    (*select)->bind(1, kind).bind(2, recordId);
    auto family = readFirst<QString>(**select, [](const SqlStatement &s) { return s.text(0); });
    (*select)->reset();
    return family;
}

Result<bool> SqlServerStorage::isLogged(const QString &opId)
{
    auto select = cached(QStringLiteral("SELECT 1 FROM op_log WHERE op_id = ?"));
    if (!select)
        return select.error();
    auto row = (*select)->bind(1, opId).step();
    (*select)->reset();
    if (!row)
        return row.error();
    return *row;
}

Result<void> SqlServerStorage::writeAudit(const AuditEntry &entry)
{
    auto insert = cached(QStringLiteral("INSERT INTO audit_log (at, user_id, device_id, action, "
                                        "record_kind, record_id, detail) VALUES "
                                        "(?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    (*insert)->bind(1, isoTime(entry.at)).bind(2, entry.userId).bind(3, entry.deviceId);
    (*insert)->bind(4, entry.action).bind(5, entry.recordKind).bind(6, entry.recordId);
    (*insert)->bind(7, entry.detail);
    return (*insert)->run();
}

Error SqlServerStorage::refuse(const Error &error, const QString &userId, const QString &deviceId,
    const QString &action, const QString &recordKind, const QString &recordId)
{
    qCInfo(lcServerStorage) << "refused" << action << "for device" << deviceId;
    auto transaction = SqlTransaction::begin(*m_connection);
    if (!transaction)
        return error;
    AuditEntry entry { now(), userId, deviceId, Action::Refused, recordKind, recordId,
        QStringLiteral("%1: %2").arg(action, error.message) };
    if (auto audited = writeAudit(entry); !audited) {
        qCWarning(lcServerStorage) << "could not audit a refusal:" << audited.error().message;
        return error;
    }
    if (auto committed = transaction->commit(); !committed)
        qCWarning(lcServerStorage) << "could not audit a refusal:" << committed.error().message;
    return error;
}

Result<void> SqlServerStorage::rememberScope(
    const QString &familyId, const QString &practitionerId, const QString &team)
{
    // INSERT OR IGNORE is SQLite's, ON CONFLICT PostgreSQL's (SQLite 3.15 has not): this is both's.
    auto insert = cached(QStringLiteral(
        "INSERT INTO family_holders (holder_kind, holder, family_id) SELECT k, h, f FROM "
        "(SELECT CAST(? AS TEXT) AS k, CAST(? AS TEXT) AS h, CAST(? AS TEXT) AS f) AS n WHERE "
        "NOT EXISTS (SELECT 1 FROM family_holders x WHERE x.holder_kind = n.k AND x.holder = "
        "n.h AND x.family_id = n.f)"));
    if (!insert)
        return insert.error();
    if (!practitionerId.isEmpty()) {
        if (auto ran
            = (*insert)->bind(1, Practitioner).bind(2, practitionerId).bind(3, familyId).run();
            !ran)
            return ran.error();
    }
    if (auto ran = (*insert)->bind(1, Team).bind(2, team).bind(3, familyId).run(); !ran)
        return ran;
    // Every device's next pull reads its user's scope again.
    auto tick = cached(QStringLiteral("UPDATE scope_clock SET version = version + 1"));
    if (!tick)
        return tick.error();
    return (*tick)->run();
}

Result<void> SqlServerStorage::createUser(const User &user)
{
    const auto locked = lock();
    if (user.id.trimmed().isEmpty() || user.name.trimmed().isEmpty()
        || user.team.trimmed().isEmpty())
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("A user needs an id, a name and a team."));
    auto transaction = SqlTransaction::begin(*m_connection);
    if (!transaction)
        return transaction.error();
    auto existing = loadUser(user.id);
    if (!existing)
        return existing.error();
    if (*existing)
        return makeError(Error::Code::AlreadyExists,
            QStringLiteral("There is already a user with the id %1.").arg(user.id));
    auto insert = cached(QStringLiteral(
        "INSERT INTO users (id, name, role, team, created_at) VALUES (?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    const QDateTime at = now();
    (*insert)->bind(1, user.id).bind(2, user.name).bind(3, roleName(user.role));
    (*insert)->bind(4, user.team).bind(5, isoTime(at));
    if (auto ran = (*insert)->run(); !ran)
        return ran.error();
    // The role and team decide what the user's tablets may read, so granting them is audited.
    if (auto audited = writeAudit({ at, user.id, {}, Action::User, {}, {},
            QStringLiteral("%1 in team %2").arg(roleName(user.role), user.team) });
        !audited)
        return audited.error();
    return transaction->commit();
}

Result<std::optional<User>> SqlServerStorage::findUser(const QString &userId)
{
    const auto locked = lock();
    return loadUser(userId);
}

Result<void> SqlServerStorage::allocate(const QString &familyId, const QString &practitionerId)
{
    const auto locked = lock();
    if (QUuid::fromString(familyId).isNull())
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("A family id must be a UUID."));
    auto practitioner = loadUser(practitionerId);
    if (!practitioner)
        return practitioner.error();
    if (!*practitioner || (*practitioner)->role != User::Role::Practitioner)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("%1 is not a practitioner the server knows.").arg(practitionerId));
    const User &to = **practitioner;

    auto transaction = SqlTransaction::begin(*m_connection);
    if (!transaction)
        return transaction.error();
    if (auto allocated = allocateInTransaction(familyId, to, to.id, {}); !allocated)
        return allocated.error();
    return transaction->commit();
}

Result<void> SqlServerStorage::allocateInTransaction(
    const QString &familyId, const User &to, const QString &byUserId, const QString &deviceId)
{
    auto select = cached(QStringLiteral("SELECT practitioner_id, team FROM families WHERE id = ?"));
    if (!select)
        return select.error();
    (*select)->bind(1, familyId);
    auto current = readFirst<std::pair<QString, QString>>(
        **select, [](const SqlStatement &s) { return std::make_pair(s.text(0), s.text(1)); });
    (*select)->reset();
    if (!current)
        return current.error();
    if (*current && (*current)->first == to.id && (*current)->second == to.team)
        return {};

    QString detail;
    if (!*current) {
        auto insert = cached(
            QStringLiteral("INSERT INTO families (id, practitioner_id, team) VALUES (?, ?, ?)"));
        if (!insert)
            return insert.error();
        if (auto ran = (*insert)->bind(1, familyId).bind(2, to.id).bind(3, to.team).run(); !ran)
            return ran.error();
        detail = QStringLiteral("allocated to %1 in team %2").arg(to.id, to.team);
    } else {
        auto update = cached(
            QStringLiteral("UPDATE families SET practitioner_id = ?, team = ? WHERE id = ?"));
        if (!update)
            return update.error();
        if (auto ran = (*update)->bind(1, to.id).bind(2, to.team).bind(3, familyId).run(); !ran)
            return ran.error();
        detail = QStringLiteral("reallocated to %1 in team %2 from %3 in team %4")
                     .arg(to.id, to.team,
                         (*current)->first.isEmpty() ? QStringLiteral("nobody") : (*current)->first,
                         (*current)->second);
    }
    if (auto remembered = rememberScope(familyId, to.id, to.team); !remembered)
        return remembered.error();
    return writeAudit(
        { now(), byUserId, deviceId, Action::Allocate, FamilyKind, familyId, detail });
}

Result<QString> SqlServerStorage::createEnrolmentCode(const QString &userId, qint64 validForSeconds)
{
    const auto locked = lock();
    if (validForSeconds < 1 || validForSeconds > MaxEnrolmentSeconds)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("An enrolment code is valid for between a second and 30 days."));
    auto transaction = SqlTransaction::begin(*m_connection);
    if (!transaction)
        return transaction.error();
    auto user = loadUser(userId);
    if (!user)
        return user.error();
    if (!*user)
        return makeError(
            Error::Code::NotFound, QStringLiteral("There is no user with the id %1.").arg(userId));

    // Codes are short, so a new one may (rarely) match one issued before: draw again.
    auto taken = cached(QStringLiteral("SELECT 1 FROM enrolment_codes WHERE code_hash = ?"));
    if (!taken)
        return taken.error();
    QString code;
    for (int attempt = 0; attempt < 8 && code.isEmpty(); ++attempt) {
        const QString candidate = newEnrolmentCode();
        auto row = (*taken)->bind(1, codeHash(enrolmentDigits(candidate))).step();
        (*taken)->reset();
        if (!row)
            return row.error();
        if (!*row)
            code = candidate;
    }
    if (code.isEmpty())
        return makeError(Error::Code::Internal,
            QStringLiteral("Could not draw an unused enrolment code; try again."));

    const QDateTime at = now();
    const QDateTime expires = at.addSecs(validForSeconds);
    auto insert = cached(QStringLiteral("INSERT INTO enrolment_codes (code_hash, user_id, "
                                        "created_at, expires_at) VALUES (?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    (*insert)->bind(1, codeHash(enrolmentDigits(code))).bind(2, userId);
    (*insert)->bind(3, isoTime(at)).bind(4, isoTime(expires));
    if (auto ran = (*insert)->run(); !ran)
        return ran.error();
    if (auto audited = writeAudit({ at, userId, {}, Action::Enrol, {}, {},
            QStringLiteral("enrolment code issued, valid until %1").arg(isoTime(expires)) });
        !audited)
        return audited.error();
    if (auto committed = transaction->commit(); !committed)
        return committed.error();
    return code;
}

Result<std::pair<Device, QString>> SqlServerStorage::redeemEnrolmentCode(const QString &code,
    const QString &deviceId, const QString &deviceName, const QString &appVersion)
{
    const auto locked = lock();
    if (deviceName.trimmed().isEmpty())
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("A device needs a name to enrol."));
    // The device's ops already carry this id, so it is the one the device is enrolled as.
    const QUuid uuid = QUuid::fromString(deviceId);
    if (uuid.isNull() || uuid.toString(QUuid::WithoutBraces) != deviceId)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("The device's id is not a UUID; nothing was enrolled."));
    const Error invalidCode = makeError(Error::Code::NotFound,
        QStringLiteral("The enrolment code is not valid: it is wrong, used or expired."));
    const QString digits = enrolmentDigits(code);
    if (digits.isEmpty())
        return refuse(invalidCode, {}, {}, Action::Enrol);
    const QVariant hash = codeHash(digits);

    std::optional<Error> refusal;
    QString codeUser;
    auto enrolled = [&]() -> Result<std::pair<Device, QString>> {
        auto transaction = SqlTransaction::begin(*m_connection);
        if (!transaction)
            return transaction.error();
        auto select = cached(QStringLiteral(
            "SELECT user_id, expires_at, used_at FROM enrolment_codes WHERE code_hash = ?"));
        if (!select)
            return select.error();
        (*select)->bind(1, hash);
        struct Issued {
            QString userId;
            QDateTime expires;
            bool used = false;
        };
        auto issued = readFirst<Issued>(**select, [](const SqlStatement &s) {
            return Issued { s.text(0), readTime(s, 1), !s.isNull(2) };
        });
        (*select)->reset();
        if (!issued)
            return issued.error();
        const QDateTime at = now();
        if (*issued)
            codeUser = (*issued)->userId;
        if (!*issued || (*issued)->used || !(at < (*issued)->expires)) {
            refusal = invalidCode;
            return invalidCode;
        }

        auto taken = cached(QStringLiteral("SELECT 1 FROM devices WHERE id = ?"));
        if (!taken)
            return taken.error();
        auto existing = (*taken)->bind(1, deviceId).step();
        (*taken)->reset();
        if (!existing)
            return existing.error();
        if (*existing)
            return makeError(Error::Code::AlreadyExists,
                QStringLiteral("This device is already enrolled; nothing was changed."));

        Device device;
        device.id = deviceId;
        device.userId = (*issued)->userId;
        device.name = deviceName.trimmed();
        device.appVersion = appVersion;
        device.enrolledAt = at;
        const QString token = newToken();
        auto insert = cached(QStringLiteral("INSERT INTO devices (id, user_id, name, app_version, "
                                            "token_hash, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)"));
        if (!insert)
            return insert.error();
        (*insert)->bind(1, device.id).bind(2, device.userId).bind(3, device.name);
        (*insert)->bind(4, device.appVersion).bind(5, tokenHash(token)).bind(6, isoTime(at));
        if (auto ran = (*insert)->run(); !ran)
            return ran.error();
        auto use = cached(QStringLiteral("UPDATE enrolment_codes SET used_at = ?, "
                                         "device_id = ? WHERE code_hash = ? AND used_at IS NULL"));
        if (!use)
            return use.error();
        if (auto ran = (*use)->bind(1, isoTime(at)).bind(2, device.id).bind(3, hash).run(); !ran)
            return ran.error();
        if ((*use)->rowsAffected() != 1) {
            refusal = invalidCode;
            return invalidCode;
        }
        if (auto audited = writeAudit({ at, device.userId, device.id, Action::Enrol, {}, {},
                QStringLiteral("device enrolled, app %1").arg(appVersion) });
            !audited)
            return audited.error();
        if (auto committed = transaction->commit(); !committed)
            return committed.error();
        return std::make_pair(device, token);
    }();
    if (refusal)
        return refuse(*refusal, codeUser, {}, Action::Enrol);
    return enrolled;
}

Result<void> SqlServerStorage::revokeDevice(const QString &deviceId)
{
    const auto locked = lock();
    auto transaction = SqlTransaction::begin(*m_connection);
    if (!transaction)
        return transaction.error();
    auto device = loadDevice(deviceId);
    if (!device)
        return device.error();
    if (!*device)
        return makeError(Error::Code::NotFound,
            QStringLiteral("There is no device with the id %1.").arg(deviceId));
    if ((*device)->revoked)
        return {};
    const QDateTime at = now();
    auto update = cached(QStringLiteral("UPDATE devices SET revoked_at = ? WHERE id = ?"));
    if (!update)
        return update.error();
    if (auto ran = (*update)->bind(1, isoTime(at)).bind(2, deviceId).run(); !ran)
        return ran.error();
    if (auto audited = writeAudit(
            { at, (*device)->userId, deviceId, Action::Revoke, {}, {}, QStringLiteral("revoked") });
        !audited)
        return audited.error();
    return transaction->commit();
}

Result<QList<Device>> SqlServerStorage::listDevices()
{
    const auto locked = lock();
    auto select = cached(QStringLiteral("SELECT %1 FROM devices ORDER BY user_id, enrolled_at, id")
                             .arg(DeviceColumns));
    if (!select)
        return select.error();
    auto devices = readAll<Device>(**select, readDevice);
    (*select)->reset();
    return devices;
}

Result<Device> SqlServerStorage::authenticate(const QString &token)
{
    const auto locked = lock();
    if (token.isEmpty())
        return notEnrolled();
    // Looking the hash up leaks nothing about the token through timing: the token is never
    // compared, only its digest, and that by an index.
    auto select
        = cached(QStringLiteral("SELECT %1 FROM devices WHERE token_hash = ?").arg(DeviceColumns));
    if (!select)
        return select.error();
    (*select)->bind(1, tokenHash(token));
    auto device = readFirst<Device>(**select, readDevice);
    (*select)->reset();
    if (!device)
        return device.error();
    if (!*device)
        return notEnrolled();
    return **device;
}

Result<std::optional<QString>> SqlServerStorage::allocationProblem(
    const User &user, const QString &practitionerId)
{
    // A practitioner's tablet records their own allocations (a family they took on); only a
    // supervisor allocates to someone else.
    if (user.role == User::Role::Practitioner) {
        if (practitionerId == user.id)
            return std::optional<QString>();
        return std::optional<QString>(
            QStringLiteral("would allocate a family to someone else, which only a supervisor "
                           "may do"));
    }
    // A supervisor may lead a case themselves: the family stays in the team, which they see.
    if (practitionerId == user.id)
        return std::optional<QString>();
    auto to = loadUser(practitionerId);
    if (!to)
        return to.error();
    if (!*to || (*to)->role != User::Role::Practitioner || (*to)->team != user.team)
        return std::optional<QString>(
            QStringLiteral("would allocate a family to someone who is not a practitioner of "
                           "this team"));
    return std::optional<QString>();
}

Result<SqlServerStorage::PushPlan> SqlServerStorage::planPush(
    const Device &device, const User &user, const QList<Op> &ops)
{
    PushPlan plan;
    const auto refused = [&plan](qsizetype index, const QString &why) {
        plan.refusal = pushRefusal(index, why);
        return plan;
    };
    const qint64 latestMs = now().toMSecsSinceEpoch() + MaxClockAheadMs;

    // Each op on its own, and which ops the log already holds.
    QList<bool> fresh(ops.size(), false);
    QSet<QString> seen;
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const Op &op = ops.at(i);
        if (auto problem = OpCheck::problem(op))
            return refused(i, *problem);
        if (op.deviceId != device.id)
            return refused(i, QStringLiteral("claims to come from another device"));
        if (auto problem = hardeningProblem(op))
            return refused(i, *problem);
        if (auto problem = SupervisorRecords::refusal(op, user.role))
            return refused(i, *problem);
        if (op.kind == AllocationKind && op.field == AllocationPractitionerField) {
            auto problem = allocationProblem(user, op.value.toString());
            if (!problem)
                return problem.error();
            if (*problem)
                return refused(i, **problem);
        }
        if (op.hlc.physicalMs() > latestMs)
            return refused(i,
                QStringLiteral("is dated more than a day ahead of the server's clock: the "
                               "tablet's date or time is wrong"));
        if (seen.contains(op.id)) {
            ++plan.repeated;
            continue;
        }
        seen.insert(op.id);
        auto logged = isLogged(op.id);
        if (!logged)
            return logged.error();
        if (*logged)
            ++plan.repeated;
        else
            fresh[i] = true;
    }

    // The family each record new to the server claims, from its link op wherever that is in
    // the push: a store may journal a record's other fields before its family_id.
    QHash<QString, QString> pending;
    const auto familyOf = [&](const QString &kind, const QString &recordId) -> Result<QString> {
        const auto found = pending.constFind(recordKey(kind, recordId));
        if (found != pending.constEnd())
            return *found;
        auto known = knownRecordFamily(kind, recordId);
        if (!known)
            return known.error();
        return known->value_or(QString());
    };
    const auto claimedFamily = [&](const FamilyLink &link, const Op &op) -> Result<QString> {
        if (op.value.typeId() != QMetaType::QString)
            return QString();
        if (link.parentKind == FamilyKind)
            return op.value.toString();
        return familyOf(link.parentKind, op.value.toString());
    };
    for (qsizetype i = 0; i < ops.size(); ++i) {
        const Op &op = ops.at(i);
        const auto link = RecordSchema::familyLink(op.kind);
        if (!fresh.at(i) || !link || op.field != link->field
            || pending.contains(recordKey(op.kind, op.recordId)))
            continue;
        auto known = knownRecordFamily(op.kind, op.recordId);
        if (!known)
            return known.error();
        if (*known)
            continue;
        auto claimed = claimedFamily(*link, op);
        if (!claimed)
            return claimed.error();
        if (!claimed->isEmpty())
            pending.insert(recordKey(op.kind, op.recordId), *claimed);
    }

    // Each new op's family, which must be in the user's scope.
    auto scopeOf
        = cached(QStringLiteral("SELECT practitioner_id, team FROM families WHERE id = ?"));
    if (!scopeOf)
        return scopeOf.error();
    QSet<QString> newFamilies;
    QSet<QString> mapped;
    const QString outsideCaseload = QStringLiteral("is for a family outside this user's caseload");
    for (qsizetype i = 0; i < ops.size(); ++i) {
        if (!fresh.at(i))
            continue;
        const Op &op = ops.at(i);
        PushPlan::Fresh entry;
        entry.op = &op;
        entry.sequence = opSequence(op.id);
        if (op.kind == FamilyKind) {
            entry.familyId = op.recordId;
        } else {
            const QString key = recordKey(op.kind, op.recordId);
            auto known = knownRecordFamily(op.kind, op.recordId);
            if (!known)
                return known.error();
            if (*known) {
                entry.familyId = **known;
            } else if (pending.contains(key)) {
                entry.familyId = pending.value(key);
                entry.mapsRecord = !mapped.contains(key);
                mapped.insert(key);
            } else {
                return refused(i, QStringLiteral("refers to a record the server does not know"));
            }
            const auto link = RecordSchema::familyLink(op.kind);
            if (link && op.field == link->field) {
                auto claimed = claimedFamily(*link, op);
                if (!claimed)
                    return claimed.error();
                if (*claimed != entry.familyId)
                    return refused(i,
                        QStringLiteral("would move a record to another family, which sync does "
                                       "not allow"));
            }
        }
        if (!newFamilies.contains(entry.familyId)) {
            (*scopeOf)->bind(1, entry.familyId);
            auto row = (*scopeOf)->step();
            if (!row)
                return row.error();
            if (*row) {
                const bool inScope = holdsNow(user, (*scopeOf)->text(0), (*scopeOf)->text(1));
                (*scopeOf)->reset();
                // A family reallocated away from this user still takes the work their tablet
                // did before it learnt of the move: nothing written at a kitchen table is
                // refused for being late. A family the user never held stays refused.
                if (!inScope) {
                    auto held = heldBefore(user, entry.familyId);
                    if (!held)
                        return held.error();
                    if (!*held)
                        return refused(i, outsideCaseload);
                }
            } else {
                (*scopeOf)->reset();
                if (op.kind != FamilyKind)
                    return refused(i, outsideCaseload);
                entry.createsFamily = true;
                newFamilies.insert(entry.familyId);
            }
        }
        plan.fresh << entry;
    }
    return plan;
}

bool SqlServerStorage::holdsNow(
    const User &user, const QString &practitionerId, const QString &team)
{
    return user.role == User::Role::Practitioner ? practitionerId == user.id : team == user.team;
}

Result<bool> SqlServerStorage::heldBefore(const User &user, const QString &familyId)
{
    auto held = cached(QStringLiteral(
        "SELECT 1 FROM family_holders WHERE holder_kind = ? AND holder = ? AND family_id = ?"));
    if (!held)
        return held.error();
    const bool practitioner = user.role == User::Role::Practitioner;
    (*held)
        ->bind(1, practitioner ? Practitioner : Team)
        .bind(2, practitioner ? user.id : user.team)
        .bind(3, familyId);
    auto row = (*held)->step();
    (*held)->reset();
    return row;
}

Result<qint64> SqlServerStorage::advanceAcked(
    const QString &deviceId, const QList<qint64> &newSequences)
{
    auto select = cached(QStringLiteral("SELECT acked_through FROM devices WHERE id = ?"));
    if (!select)
        return select.error();
    auto row = (*select)->bind(1, deviceId).step();
    if (!row)
        return row.error();
    qint64 acked = *row ? (*select)->integer(0) : 0;
    (*select)->reset();

    // A push is almost always the run that follows what is acknowledged: that run moves the
    // acknowledgement on at once, and only sequences past a gap are held (two writes each).
    QList<qint64> sorted = newSequences;
    std::sort(sorted.begin(), sorted.end());
    qsizetype next = 0;
    while (next < sorted.size() && sorted.at(next) <= acked + 1) {
        acked = std::max(acked, sorted.at(next));
        ++next;
    }
    if (next < sorted.size()) {
        auto hold = cached(QStringLiteral(
            "INSERT INTO device_held (device_id, seq) SELECT d, s FROM (SELECT CAST(? AS TEXT) "
            "AS d, CAST(? AS BIGINT) AS s) AS n WHERE NOT EXISTS (SELECT 1 FROM device_held x "
            "WHERE x.device_id = n.d AND x.seq = n.s)"));
        if (!hold)
            return hold.error();
        for (; next < sorted.size(); ++next) {
            if (auto ran = (*hold)->bind(1, deviceId).bind(2, sorted.at(next)).run(); !ran)
                return ran.error();
        }
    }
    // Held sequences that now follow on from the acknowledged run join it.
    auto release
        = cached(QStringLiteral("DELETE FROM device_held WHERE device_id = ? AND seq = ?"));
    if (!release)
        return release.error();
    for (;;) {
        if (auto ran = (*release)->bind(1, deviceId).bind(2, acked + 1).run(); !ran)
            return ran.error();
        if ((*release)->rowsAffected() == 0)
            break;
        ++acked;
    }
    auto update = cached(QStringLiteral("UPDATE devices SET acked_through = ? WHERE id = ?"));
    if (!update)
        return update.error();
    if (auto ran = (*update)->bind(1, acked).bind(2, deviceId).run(); !ran)
        return ran.error();
    return acked;
}

Result<void> SqlServerStorage::touchDevice(const QString &deviceId, const QString &appVersion)
{
    auto update = cached(appVersion.isEmpty()
            ? QStringLiteral("UPDATE devices SET last_sync_at = ? WHERE id = ?")
            : QStringLiteral("UPDATE devices SET last_sync_at = ?, app_version = ? WHERE id = ?"));
    if (!update)
        return update.error();
    (*update)->bind(1, isoTime(now()));
    if (appVersion.isEmpty())
        (*update)->bind(2, deviceId);
    else
        (*update)->bind(2, appVersion).bind(3, deviceId);
    return (*update)->run();
}

Result<std::pair<Device, User>> SqlServerStorage::syncingDevice(
    const QString &deviceId, QString &userId, std::optional<Error> &refusal)
{
    // The stored device, not the caller's copy, says whose it is and whether it is revoked.
    auto current = loadDevice(deviceId);
    if (!current)
        return current.error();
    if (!*current)
        return notEnrolled();
    userId = (*current)->userId;
    if ((*current)->revoked) {
        refusal = revokedRefusal();
        return *refusal;
    }
    auto user = loadUser(userId);
    if (!user)
        return user.error();
    if (!*user)
        return makeError(Error::Code::Damaged,
            QStringLiteral("The device's user is missing from the server's database."));
    return std::make_pair(**current, **user);
}

Result<PushOutcome> SqlServerStorage::push(
    const Device &device, const QList<Op> &ops, const QString &appVersion)
{
    return forSyncingDevice<PushOutcome>(device, Action::Push,
        [&](const Device &current, const User &user,
            std::optional<Error> &refusal) -> Result<PushOutcome> {
            const QString &userId = user.id;

            auto plan = planPush(current, user, ops);
            if (!plan)
                return plan.error();
            if (plan->refusal) {
                refusal = plan->refusal;
                return *refusal;
            }

            const QDateTime at = now();
            const QString logged = isoTime(at);
            auto newFamily = cached(QStringLiteral(
                "INSERT INTO families (id, practitioner_id, team) VALUES (?, ?, ?)"));
            auto mapRecord = cached(QStringLiteral(
                "INSERT INTO record_family (kind, record_id, family_id) VALUES (?, ?, ?)"));
            auto insert = cached(QStringLiteral(
                "INSERT INTO op_log (op_id, kind, record_id, field, value, hlc, device_id, "
                "replaces, family_id, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const auto *statement : { &newFamily, &mapRecord, &insert }) {
                if (!*statement)
                    return statement->error();
            }
            const bool isPractitioner = user.role == User::Role::Practitioner;
            QList<qint64> sequences;
            QStringList records; // in first-written order, for the audit
            QHash<QString, int> opsPerRecord;
            for (const PushPlan::Fresh &fresh : plan->fresh) {
                const Op &op = *fresh.op;
                if (fresh.createsFamily) {
                    // A supervisor's new family waits in the team for a practitioner.
                    (*newFamily)->bind(1, fresh.familyId);
                    if (isPractitioner)
                        (*newFamily)->bind(2, userId);
                    else
                        (*newFamily)->bindNull(2);
                    if (auto ran = (*newFamily)->bind(3, user.team).run(); !ran)
                        return ran.error();
                    if (auto remembered = rememberScope(
                            fresh.familyId, isPractitioner ? userId : QString(), user.team);
                        !remembered)
                        return remembered.error();
                    if (auto audited = writeAudit({ at, userId, device.id, Action::Allocate,
                            FamilyKind, fresh.familyId,
                            isPractitioner
                                ? QStringLiteral(
                                    "new family from a push, allocated to %1 in team %2")
                                      .arg(userId, user.team)
                                : QStringLiteral("new family from a push, unallocated in team %1")
                                      .arg(user.team) });
                        !audited)
                        return audited.error();
                }
                if (fresh.mapsRecord) {
                    if (auto ran = (*mapRecord)
                                       ->bind(1, op.kind)
                                       .bind(2, op.recordId)
                                       .bind(3, fresh.familyId)
                                       .run();
                        !ran)
                        return ran.error();
                }
                (*insert)->bind(1, op.id).bind(2, op.kind).bind(3, op.recordId).bind(4, op.field);
                (*insert)
                    ->bind(5, m_connection->toStored(op.value))
                    .bind(6, op.hlc.packed())
                    .bind(7, op.deviceId);
                if (op.replaces.isEmpty())
                    (*insert)->bindNull(8);
                else
                    (*insert)->bind(8, op.replaces.join(QLatin1Char(' ')));
                (*insert)->bind(9, fresh.familyId).bind(10, logged);
                if (auto ran = (*insert)->run(); !ran)
                    return ran.error();
                if (op.kind == DocumentKind && op.field == DocumentContentField) {
                    if (auto named = nameBlob(op.value.toString(), fresh.familyId); !named)
                        return named.error();
                }
                sequences << fresh.sequence;
                const QString key = recordKey(op.kind, op.recordId);
                if (!opsPerRecord.contains(key))
                    records << key;
                ++opsPerRecord[key];
            }

            // A supervisor's allocation record moves the family to the practitioner it names
            // (planPush checked they are one of the team), as the admin command would: their
            // tablets catch the family up, the last practitioner's remove it. The last such
            // op of a family in the push decides.
            if (!isPractitioner) {
                QHash<QString, QString> allocatedTo;
                for (const PushPlan::Fresh &fresh : plan->fresh) {
                    if (fresh.op->kind == AllocationKind
                        && fresh.op->field == AllocationPractitionerField)
                        allocatedTo.insert(fresh.familyId, fresh.op->value.toString());
                }
                for (auto it = allocatedTo.begin(); it != allocatedTo.end();) {
                    // Leading it themselves keeps the family in the team, where it is.
                    if (it.value() == userId)
                        it = allocatedTo.erase(it);
                    else
                        ++it;
                }
                for (auto it = allocatedTo.cbegin(); it != allocatedTo.cend(); ++it) {
                    auto to = loadUser(it.value());
                    if (!to)
                        return to.error();
                    if (auto allocated = allocateInTransaction(it.key(), **to, userId, device.id);
                        !allocated)
                        return allocated.error();
                }
            }

            auto acked = advanceAcked(device.id, sequences);
            if (!acked)
                return acked.error();
            if (auto touched = touchDevice(device.id, appVersion); !touched)
                return touched.error();
            for (const QString &key : std::as_const(records)) {
                const qsizetype split = key.indexOf(QLatin1Char('\n'));
                if (auto audited = writeAudit(
                        { at, userId, device.id, Action::Push, key.left(split), key.mid(split + 1),
                            QStringLiteral("%1 new ops").arg(opsPerRecord.value(key)) });
                    !audited)
                    return audited.error();
            }
            PushOutcome result { *acked, int(plan->fresh.size()), plan->repeated };
            if (auto audited = writeAudit({ at, userId, device.id, Action::Push, {}, {},
                    QStringLiteral("%1 new ops, %2 repeated; acknowledged through %3")
                        .arg(result.accepted)
                        .arg(result.repeated)
                        .arg(result.acked) });
                !audited)
                return audited.error();
            return result;
        });
}

Result<QStringList> SqlServerStorage::removedFamilies(const User &user)
{
    // Families the user (or, for a supervisor, their team) once held and no longer does.
    const bool isPractitioner = user.role == User::Role::Practitioner;
    auto select = cached(isPractitioner
            ? QStringLiteral("SELECT h.family_id FROM family_holders h JOIN families f ON f.id "
                             "= h.family_id WHERE h.holder_kind = 'practitioner' AND h.holder = "
                             "? AND (f.practitioner_id IS NULL OR f.practitioner_id <> ?) ORDER "
                             "BY h.family_id")
            : QStringLiteral("SELECT h.family_id FROM family_holders h JOIN families f ON f.id "
                             "= h.family_id WHERE h.holder_kind = 'team' AND h.holder = ? AND "
                             "f.team <> ? ORDER BY h.family_id"));
    if (!select)
        return select.error();
    const QString &holder = isPractitioner ? user.id : user.team;
    (*select)->bind(1, holder).bind(2, holder);
    auto families = readAll<QString>(**select, [](const SqlStatement &s) { return s.text(0); });
    (*select)->reset();
    if (!families)
        return families.error();
    return QStringList(*families);
}

Result<std::pair<qint64, qint64>> SqlServerStorage::scopeClock(const QString &deviceId)
{
    auto select = cached(QStringLiteral(
        "SELECT c.version, d.scope_seen FROM scope_clock c, devices d WHERE d.id = ?"));
    if (!select)
        return select.error();
    (*select)->bind(1, deviceId);
    auto row = readFirst<std::pair<qint64, qint64>>(**select,
        [](const SqlStatement &st) { return std::make_pair(st.integer(0), st.integer(1)); });
    (*select)->reset();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(Error::Code::Damaged,
            QStringLiteral("The server's database has lost its scope clock or the device."));
    return **row;
}

Result<QStringList> SqlServerStorage::familiesToldToRemove(const QString &deviceId)
{
    // With the scope as it was at the last refresh, these are exactly removedFamilies():
    // that refresh marked every family out of scope, and restarted every one back in it.
    auto select = cached(QStringLiteral("SELECT family_id FROM device_families WHERE device_id = "
                                        "? AND removed = 1 ORDER BY family_id"));
    if (!select)
        return select.error();
    (*select)->bind(1, deviceId);
    auto families = readAll<QString>(**select, [](const SqlStatement &st) { return st.text(0); });
    (*select)->reset();
    if (!families)
        return families.error();
    return QStringList(*families);
}

sync::LoggedOp SqlServerStorage::loggedOp(const SqlStatement &s) const
{
    sync::LoggedOp logged;
    logged.serverSeq = s.integer(0);
    logged.op.id = s.text(1);
    logged.op.kind = s.text(2);
    logged.op.recordId = s.text(3);
    logged.op.field = s.text(4);
    logged.op.value = m_connection->fromStored(s.value(5));
    logged.op.hlc = Hlc::fromPacked(s.integer(6));
    logged.op.deviceId = s.text(7);
    if (!s.isNull(8))
        logged.op.replaces = s.text(8).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return logged;
}

Result<bool> SqlServerStorage::takeOps(
    SqlStatement &rows, qint64 room, sync::PullReply &reply) const
{
    for (qint64 taken = 0;; ++taken) {
        auto row = rows.step();
        if (!row)
            return row.error();
        if (!*row)
            return false;
        if (taken == room)
            return true;
        reply.ops << loggedOp(rows);
    }
}

Result<void> SqlServerStorage::tailLog(
    const Device &device, const sync::PullRequest &request, qint64 logEnd, sync::PullReply &reply)
{
    // Only the device's families, which catchUp() has just brought up to its user's scope,
    // through the family index: a tablet reads its own caseload, not the council's whole
    // log. Its own ops it has already.
    const qint64 from = reply.cursor;
    const qsizetype before = reply.ops.size();
    // Usually little was logged since the device's cursor: then the log is read from there,
    // each op checked against the device's families by index, whatever the caseload's size.
    // After a long silence the log since the cursor may be the council's weeks of work:
    // then the device's families are read instead, each through the family index.
    const bool shortTail = logEnd - from <= m_tailScanRows;
    auto scan = cached(shortTail
            ? QStringLiteral("SELECT l.seq, l.op_id, l.kind, l.record_id, l.field, l.value, "
                             "l.hlc, l.device_id, l.replaces FROM op_log l WHERE l.seq > ? AND "
                             "l.device_id <> ? AND EXISTS (SELECT 1 FROM device_families d WHERE "
                             "d.device_id = ? AND d.family_id = l.family_id AND d.removed = 0) "
                             "ORDER BY l.seq LIMIT ?")
            : QStringLiteral("SELECT seq, op_id, kind, record_id, field, value, hlc, device_id, "
                             "replaces FROM op_log WHERE family_id IN (SELECT family_id FROM "
                             "device_families WHERE device_id = ? AND removed = 0) AND seq > ? "
                             "AND device_id <> ? ORDER BY seq LIMIT ?"));
    if (!scan)
        return scan.error();
    const qint64 room = request.limit - before;
    if (shortTail)
        (*scan)->bind(1, from).bind(2, device.id).bind(3, device.id).bind(4, room + 1);
    else
        (*scan)->bind(1, device.id).bind(2, from).bind(3, device.id).bind(4, room + 1);
    auto goesOn = takeOps(**scan, room, reply);
    (*scan)->reset();
    if (!goesOn)
        return goesOn.error();
    // Everything the device may see up to the end of the log is in the reply: its cursor
    // passes the rest (writers are serialised, so nothing can appear below the end later).
    if (*goesOn)
        reply.cursor = reply.ops.size() > before ? reply.ops.constLast().serverSeq : from;
    else
        reply.cursor = std::max(from, logEnd);
    reply.more = *goesOn;
    return {};
}

Result<qint64> SqlServerStorage::logEnd()
{
    auto end = cached(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM op_log"));
    if (!end)
        return end.error();
    auto read = readFirst<qint64>(**end, [](const SqlStatement &s) { return s.integer(0); });
    (*end)->reset();
    if (!read)
        return read.error();
    return read->value_or(0);
}

Result<sync::PullReply> SqlServerStorage::pull(
    const Device &device, const sync::PullRequest &request, const QString &appVersion)
{
    if (request.limit < MinPullLimit || request.limit > MaxPullLimit)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("A pull asks for between %1 and %2 ops.")
                .arg(MinPullLimit)
                .arg(MaxPullLimit));
    if (request.cursor < 0 || request.catchUp.family < 0 || request.catchUp.seq < 0)
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("A pull cursor cannot be negative."));
    return forSyncingDevice<sync::PullReply>(device, Action::Pull,
        [&](const Device &, const User &user, std::optional<Error> &) -> Result<sync::PullReply> {
            sync::PullReply result;
            // Only when a family was allocated or made since the device's last pull is its
            // user's whole scope read again; otherwise what the device was told stands.
            auto clock = scopeClock(device.id);
            if (!clock)
                return clock.error();
            const bool scopeMoved = clock->first != clock->second;
            auto removed = scopeMoved ? removedFamilies(user) : familiesToldToRemove(device.id);
            if (!removed)
                return removed.error();
            result.removedFamilies = *removed;
            // The end of the log, read once: where new families start and the log stops.
            auto end = logEnd();
            if (!end)
                return end.error();
            auto full
                = catchUp(device, user, request, result.removedFamilies, *end, scopeMoved, result);
            if (!full)
                return full.error();
            if (scopeMoved) {
                auto seen
                    = cached(QStringLiteral("UPDATE devices SET scope_seen = ? WHERE id = ?"));
                if (!seen)
                    return seen.error();
                if (auto ran = (*seen)->bind(1, clock->first).bind(2, device.id).run(); !ran)
                    return ran.error();
            }
            if (!*full) {
                if (auto tailed = tailLog(device, request, *end, result); !tailed)
                    return tailed.error();
            }
            const QDateTime at = now();
            result.serverHlc = Hlc(at.toMSecsSinceEpoch(), 0);

            if (auto touched = touchDevice(device.id, appVersion); !touched)
                return touched.error();
            // The last batch of a pull says who the user is now, read after this sync is
            // noted so the device's own last sync is this one.
            if (!result.more) {
                auto team = teamView(user);
                if (!team)
                    return team.error();
                result.team = *team;
            }
            QString what = QStringLiteral("%1 ops after %2, cursor now %3")
                               .arg(result.ops.size())
                               .arg(request.cursor)
                               .arg(result.cursor);
            if (result.snapshot)
                what += QStringLiteral("; some are whole families new to the device (it goes on "
                                       "from family no. %1, after log op %2)")
                            .arg(result.catchUp.family)
                            .arg(result.catchUp.seq);
            if (auto audited = writeAudit({ at, user.id, device.id, Action::Pull, {}, {},
                    what
                        + (result.removedFamilies.isEmpty()
                                ? QString()
                                : QStringLiteral("; told to remove %1")
                                      .arg(result.removedFamilies.join(QLatin1Char(' ')))) });
                !audited)
                return audited.error();
            return result;
        });
}

Result<QList<ServerStorage::AuditEntry>> SqlServerStorage::audit(int limit)
{
    const auto locked = lock();
    if (limit < 1)
        return makeError(
            Error::Code::InvalidArgument, QStringLiteral("Ask for at least one audit entry."));
    // By insertion, not by time: a clock set back must not reorder what happened.
    auto select = cached(QStringLiteral("SELECT at, user_id, device_id, action, record_kind, "
                                        "record_id, detail FROM audit_log ORDER BY id DESC "
                                        "LIMIT ?"));
    if (!select)
        return select.error();
    (*select)->bind(1, qint64(limit));
    auto entries = readAll<AuditEntry>(**select, [](const SqlStatement &s) {
        return AuditEntry { readTime(s, 0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5),
            s.text(6) };
    });
    (*select)->reset();
    return entries;
}

} // namespace doorstep::server

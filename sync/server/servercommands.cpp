#include "server/servercommands.h"

#include "cli/cli.h"
#include "server/pki.h"
#include "server/postgresstorage.h"
#include "server/sqlcipherstorage.h"
#include "server/syncservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QMap>
#include <QSaveFile>
#include <sodium.h>

namespace doorstep::server
{

namespace
{

const char *const Usage
    = "usage: doorstep-server COMMAND --data FOLDER [options]\n"
      "  init [--host NAME]... [--postgres CONNINFO]\n"
      "                                   make the data folder, storage, council CA and server\n"
      "                                   certificate (hosts: localhost, 127.0.0.1). Storage is\n"
      "                                   an encrypted SQLCipher file (key in storage.key or\n"
      "                                   DOORSTEP_SERVER_KEY) unless --postgres names a\n"
      "                                   PostgreSQL database in libpq key=value words, e.g.\n"
      "                                   --postgres 'host=db.example dbname=doorstep user=ds'\n"
      "                                   (--postgres '' takes PGHOST, PGPORT, PGUSER and\n"
      "                                   PGDATABASE from the environment). The password comes\n"
      "                                   from PGPASSWORD or ~/.pgpass, never the data folder;\n"
      "                                   every later command uses the storage init chose.\n"
      "  serve [--listen ADDRESS] [--port N] [--min-app VERSION]\n"
      "  user-add --id ID --name NAME --role practitioner|supervisor --team TEAM\n"
      "  allocate --family FAMILY_ID --to PRACTITIONER_ID\n"
      "  enrol-code --user USER_ID [--valid-hours N]\n"
      "  devices\n"
      "  revoke --device DEVICE_ID\n"
      "  audit [--limit N]\n";

struct Invocation {
    QString command;
    QMap<QString, QStringList> options;
    QString option(const char *name) const
    {
        const QStringList values = options.value(QString::fromLatin1(name));
        return values.isEmpty() ? QString() : values.last();
    }
};

Result<Invocation> parse(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return makeError(Error::Code::InvalidArgument, QStringLiteral("No command given."));
    Invocation in;
    in.command = arguments.first();
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (!word.startsWith(QLatin1String("--")) || i + 1 >= arguments.size())
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("Expected an option with a value, got \"%1\".").arg(word));
        in.options[word.mid(2)] << arguments.at(++i);
    }
    return in;
}

struct DataFolder {
    QDir dir;
    QString database() const { return dir.filePath(QStringLiteral("server.db")); }
    QString keyFile() const { return dir.filePath(QStringLiteral("storage.key")); }
    QString caCertificate() const { return dir.filePath(QStringLiteral("ca.pem")); }
    QString caKey() const { return dir.filePath(QStringLiteral("ca.key")); }
    QString certificate() const { return dir.filePath(QStringLiteral("server.pem")); }
    QString key() const { return dir.filePath(QStringLiteral("server.key")); }
    QString storageConfig() const { return dir.filePath(QStringLiteral("storage.conf")); }
};

/// Where the server keeps its data, as init chose and storage.conf records it. A data folder
/// without storage.conf (made before PostgreSQL was possible) uses SQLCipher.
struct StorageChoice {
    enum class Backend { SqlCipher, PostgreSql };
    Backend backend = Backend::SqlCipher;
    QString conninfo; ///< PostgreSQL's, without a password
};

const QString SqlCipherName = QStringLiteral("sqlcipher");
const QString PostgresName = QStringLiteral("postgresql");

/// The keys of a libpq connection string of key=value words (values may be 'quoted', with
/// \' and \\ inside), or an error saying what is wrong with it.
Result<QStringList> conninfoKeys(const QString &conninfo)
{
    const Error malformed = makeError(Error::Code::InvalidArgument,
        QStringLiteral("--postgres takes libpq's key=value words, such as "
                       "'host=db.example dbname=doorstep user=doorstep'."));
    if (conninfo.startsWith(QLatin1String("postgres://"))
        || conninfo.startsWith(QLatin1String("postgresql://")))
        return malformed;
    QStringList keys;
    qsizetype i = 0;
    const auto skipSpaces = [&] {
        while (i < conninfo.size() && conninfo.at(i).isSpace())
            ++i;
    };
    for (skipSpaces(); i < conninfo.size(); skipSpaces()) {
        const qsizetype start = i;
        while (i < conninfo.size() && conninfo.at(i) != u'=' && !conninfo.at(i).isSpace())
            ++i;
        const QString key = conninfo.mid(start, i - start);
        skipSpaces();
        if (key.isEmpty() || i >= conninfo.size() || conninfo.at(i) != u'=')
            return malformed;
        ++i;
        skipSpaces();
        if (i < conninfo.size() && conninfo.at(i) == u'\'') {
            for (++i; i < conninfo.size() && conninfo.at(i) != u'\''; ++i) {
                if (conninfo.at(i) == u'\\')
                    ++i;
            }
            if (i >= conninfo.size())
                return malformed;
            ++i;
        } else {
            while (i < conninfo.size() && !conninfo.at(i).isSpace())
                ++i;
        }
        keys << key;
    }
    return keys;
}

/// The conninfo given to init --postgres, if it can be recorded: no password in it, since
/// the data folder is no place for one.
Result<QString> checkedConninfo(const QString &conninfo)
{
    auto keys = conninfoKeys(conninfo);
    if (!keys)
        return keys.error();
    if (keys->contains(QStringLiteral("password")))
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("--postgres must not contain the password: doorstep-server would "
                           "have to write it into the data folder. Give it in PGPASSWORD or "
                           "~/.pgpass instead."));
    if (conninfo.contains(u';') || conninfo.contains(u'\n'))
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("--postgres cannot contain \";\" or a line break."));
    return conninfo.trimmed();
}

Result<StorageChoice> readStorageChoice(const DataFolder &data)
{
    QFile file(data.storageConfig());
    if (!file.exists())
        return StorageChoice {};
    const auto bad = [&](const QString &why) {
        return makeError(Error::Code::Damaged,
            QStringLiteral("%1 %2; it says backend=sqlcipher, or backend=postgresql and "
                           "conninfo=<libpq key=value words>.")
                .arg(data.storageConfig(), why));
    };
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return bad(QStringLiteral("cannot be read"));
    QMap<QString, QString> values;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const qsizetype equals = trimmed.indexOf(u'=');
        if (equals < 1)
            return bad(QStringLiteral("has a line that is not name=value"));
        const QString name = trimmed.left(equals).trimmed();
        if (name != QLatin1String("backend") && name != QLatin1String("conninfo"))
            return bad(QStringLiteral("names an unknown setting \"%1\"").arg(name));
        values.insert(name, trimmed.mid(equals + 1).trimmed());
    }
    StorageChoice choice;
    const QString backend = values.value(QStringLiteral("backend"));
    if (backend == PostgresName) {
        choice.backend = StorageChoice::Backend::PostgreSql;
        auto conninfo = checkedConninfo(values.value(QStringLiteral("conninfo")));
        if (!conninfo)
            return bad(QStringLiteral("has a conninfo that cannot be used: %1")
                           .arg(conninfo.error().message));
        choice.conninfo = *conninfo;
    } else if (backend != SqlCipherName) {
        return bad(QStringLiteral("names no backend doorstep-server knows"));
    }
    return choice;
}

Result<void> writeStorageChoice(const DataFolder &data, const StorageChoice &choice)
{
    QSaveFile file(data.storageConfig());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return makeError(
            Error::Code::Io, QStringLiteral("Could not write %1.").arg(data.storageConfig()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QString text = QStringLiteral(
        "# Where doorstep-server keeps its data, chosen at init. No password here: PostgreSQL's\n"
        "# comes from PGPASSWORD or ~/.pgpass; conninfo is libpq's key=value words, empty for\n"
        "# PGHOST, PGPORT, PGUSER and PGDATABASE.\n");
    if (choice.backend == StorageChoice::Backend::PostgreSql)
        text += QStringLiteral("backend=%1\nconninfo=%2\n").arg(PostgresName, choice.conninfo);
    else
        text += QStringLiteral("backend=%1\n").arg(SqlCipherName);
    file.write(text.toUtf8());
    if (!file.commit())
        return makeError(
            Error::Code::Io, QStringLiteral("Could not write %1.").arg(data.storageConfig()));
    return {};
}

/// The storage key: from DOORSTEP_SERVER_KEY (64 hex digits) if set, else the data
/// folder's storage.key, readable by the server's user only.
Result<QByteArray> storageKey(const DataFolder &data, const QProcessEnvironment &environment)
{
    QByteArray hex = environment.value(QStringLiteral("DOORSTEP_SERVER_KEY")).toLatin1().trimmed();
    if (hex.isEmpty()) {
        QFile file(data.keyFile());
        if (!file.open(QIODevice::ReadOnly))
            return makeError(Error::Code::NotFound,
                QStringLiteral("There is no storage key in %1; run doorstep-server init, or set "
                               "DOORSTEP_SERVER_KEY.")
                    .arg(data.dir.path()));
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("%1 can be read by other users; make it readable by the server's "
                               "user only (chmod 600).")
                    .arg(data.keyFile()));
        hex = file.readAll().trimmed();
    }
    const QByteArray key = QByteArray::fromHex(hex);
    if (hex.size() != 64 || key.size() != 32)
        return makeError(Error::Code::InvalidArgument,
            QStringLiteral("The storage key must be 64 hexadecimal digits."));
    return key;
}

Result<std::unique_ptr<ServerStorage>> openStorage(
    const DataFolder &data, const QProcessEnvironment &environment)
{
    if (!QFileInfo::exists(data.storageConfig()) && !QFileInfo::exists(data.database()))
        return makeError(Error::Code::NotFound,
            QStringLiteral("There is no server data in %1; run doorstep-server init first.")
                .arg(data.dir.path()));
    auto choice = readStorageChoice(data);
    if (!choice)
        return choice.error();
    if (choice->backend == StorageChoice::Backend::PostgreSql) {
        auto storage = PostgresStorage::open(choice->conninfo);
        if (!storage)
            return storage.error();
        return std::unique_ptr<ServerStorage>(std::move(*storage));
    }
    auto key = storageKey(data, environment);
    if (!key)
        return key.error();
    auto storage = SqlCipherStorage::open(data.database(), *key);
    if (!storage)
        return storage.error();
    return std::unique_ptr<ServerStorage>(std::move(*storage));
}

Result<void> init(const Invocation &in, const DataFolder &data, QTextStream &out,
    const QProcessEnvironment &environment)
{
    StorageChoice choice;
    if (in.options.contains(QStringLiteral("postgres"))) {
        auto conninfo = checkedConninfo(in.option("postgres"));
        if (!conninfo)
            return conninfo.error();
        choice = { StorageChoice::Backend::PostgreSql, *conninfo };
    }
    if (QFileInfo::exists(data.database()) || QFileInfo::exists(data.storageConfig()))
        return makeError(Error::Code::AlreadyExists,
            QStringLiteral("%1 already holds server data; nothing was changed.")
                .arg(data.dir.path()));
    if (!QDir().mkpath(data.dir.path()))
        return makeError(
            Error::Code::Io, QStringLiteral("Could not create %1.").arg(data.dir.path()));
    QFile::setPermissions(
        data.dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const bool postgres = choice.backend == StorageChoice::Backend::PostgreSql;
    if (!postgres && environment.value(QStringLiteral("DOORSTEP_SERVER_KEY")).isEmpty()
        && !QFileInfo::exists(data.keyFile())) {
        QByteArray key(32, Qt::Uninitialized);
        randombytes_buf(key.data(), size_t(key.size()));
        QSaveFile file(data.keyFile());
        if (!file.open(QIODevice::WriteOnly))
            return makeError(
                Error::Code::Io, QStringLiteral("Could not write %1.").arg(data.keyFile()));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        file.write(key.toHex() + '\n');
        sodium_memzero(key.data(), size_t(key.size()));
        if (!file.commit())
            return makeError(
                Error::Code::Io, QStringLiteral("Could not write %1.").arg(data.keyFile()));
    }
    // The database first: a PostgreSQL server that cannot be reached leaves no storage.conf
    // behind, so init can simply be run again.
    if (postgres) {
        if (auto storage = PostgresStorage::open(choice.conninfo); !storage)
            return storage.error();
    } else {
        auto key = storageKey(data, environment);
        if (!key)
            return key.error();
        if (auto storage = SqlCipherStorage::open(data.database(), *key); !storage)
            return storage.error();
    }
    if (auto written = writeStorageChoice(data, choice); !written)
        return written.error();

    QStringList hosts = in.options.value(QStringLiteral("host"));
    if (hosts.isEmpty())
        hosts = { QStringLiteral("localhost"), QStringLiteral("127.0.0.1") };
    CertificateRequest caRequest;
    caRequest.commonName = QStringLiteral("Doorstep council CA");
    auto ca = Pki::makeCertificateAuthority(caRequest);
    if (!ca)
        return ca.error();
    CertificateRequest serverRequest;
    serverRequest.commonName = hosts.first();
    serverRequest.hostNames = hosts;
    auto server = Pki::makeServerCertificate(*ca, serverRequest);
    if (!server)
        return server.error();
    if (auto written = Pki::writeTo(*ca, data.caCertificate(), data.caKey()); !written)
        return written.error();
    if (auto written = Pki::writeTo(*server, data.certificate(), data.key()); !written)
        return written.error();
    out << QStringLiteral("Made the server's data in %1: storage (%2), council CA (%3, give it "
                          "to each tablet at enrolment; keep ca.key offline) and a certificate "
                          "for %4.\n")
               .arg(data.dir.path(),
                   postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLCipher"),
                   data.caCertificate(), hosts.join(QStringLiteral(", ")));
    return {};
}

QString roleName(User::Role role)
{
    return role == User::Role::Supervisor ? QStringLiteral("supervisor")
                                          : QStringLiteral("practitioner");
}

} // namespace

ServerCommands::ServerCommands(QTextStream &out, QTextStream &err, QProcessEnvironment environment)
    : m_out(out)
    , m_err(err)
    , m_environment(std::move(environment))
{
}

int ServerCommands::run(const QStringList &arguments)
{
    const auto fail = [this](const Error &error) {
        m_err << "doorstep-server: " << error.message << '\n';
        if (error.code == Error::Code::InvalidArgument)
            m_err << Usage;
        m_err.flush();
        return Cli::exitCodeFor(error.code);
    };
    auto in = parse(arguments);
    if (!in)
        return fail(in.error());
    if (in->option("data").isEmpty())
        return fail(makeError(Error::Code::InvalidArgument,
            QStringLiteral("Say which data folder with --data FOLDER.")));
    const DataFolder data { QDir(in->option("data")) };
    const auto required = [&](const char *name) -> Result<QString> {
        const QString value = in->option(name);
        if (value.trimmed().isEmpty())
            return makeError(Error::Code::InvalidArgument,
                QStringLiteral("The %1 command needs --%2.")
                    .arg(in->command, QString::fromLatin1(name)));
        return value.trimmed();
    };

    if (in->command == QLatin1String("init")) {
        if (auto done = init(*in, data, m_out, m_environment); !done)
            return fail(done.error());
        m_out.flush();
        return Cli::Ok;
    }

    auto storage = openStorage(data, m_environment);
    if (!storage)
        return fail(storage.error());
    ServerStorage &store = **storage;

    if (in->command == QLatin1String("user-add")) {
        auto id = required("id");
        auto name = required("name");
        auto role = required("role");
        auto team = required("team");
        for (const auto *given : { &id, &name, &role, &team }) {
            if (!*given)
                return fail(given->error());
        }
        if (*role != QLatin1String("practitioner") && *role != QLatin1String("supervisor"))
            return fail(makeError(Error::Code::InvalidArgument,
                QStringLiteral("The role must be practitioner or supervisor.")));
        const User user { *id, *name,
            *role == QLatin1String("supervisor") ? User::Role::Supervisor
                                                 : User::Role::Practitioner,
            *team };
        if (auto made = store.createUser(user); !made)
            return fail(made.error());
        m_out << QStringLiteral("Added %1 (%2, %3 in team %4).\n")
                     .arg(user.name, user.id, roleName(user.role), user.team);
    } else if (in->command == QLatin1String("allocate")) {
        auto family = required("family");
        auto to = required("to");
        if (!family)
            return fail(family.error());
        if (!to)
            return fail(to.error());
        if (auto done = store.allocate(*family, *to); !done)
            return fail(done.error());
        m_out << QStringLiteral("Allocated family %1 to %2.\n").arg(*family, *to);
    } else if (in->command == QLatin1String("enrol-code")) {
        auto user = required("user");
        if (!user)
            return fail(user.error());
        bool ok = true;
        const QString hoursText = in->option("valid-hours");
        const int hours = hoursText.isEmpty() ? 24 : hoursText.toInt(&ok);
        if (!ok || hours < 1 || hours > 24 * 14)
            return fail(makeError(Error::Code::InvalidArgument,
                QStringLiteral("--valid-hours must be between 1 and 336.")));
        auto code = store.createEnrolmentCode(*user, qint64(hours) * 3600);
        if (!code)
            return fail(code.error());
        m_out << QStringLiteral("Enrolment code for %1, valid once for %2 hours: %3\n")
                     .arg(*user)
                     .arg(hours)
                     .arg(*code);
    } else if (in->command == QLatin1String("devices")) {
        auto devices = store.listDevices();
        if (!devices)
            return fail(devices.error());
        for (const Device &device : *devices) {
            m_out << QStringLiteral("%1  %2  %3  app %4  last sync %5%6\n")
                         .arg(device.id, device.userId, device.name, device.appVersion,
                             device.lastSyncAt.isNull()
                                 ? QStringLiteral("never")
                                 : device.lastSyncAt.toUTC().toString(Qt::ISODate),
                             device.revoked ? QStringLiteral("  REVOKED") : QString());
        }
    } else if (in->command == QLatin1String("revoke")) {
        auto device = required("device");
        if (!device)
            return fail(device.error());
        if (auto done = store.revokeDevice(*device); !done)
            return fail(done.error());
        m_out << QStringLiteral("Revoked device %1: at its next sync it is told to remove its "
                                "data.\n")
                     .arg(*device);
    } else if (in->command == QLatin1String("audit")) {
        bool ok = true;
        const QString limitText = in->option("limit");
        const int limit = limitText.isEmpty() ? 100 : limitText.toInt(&ok);
        if (!ok || limit < 1)
            return fail(makeError(Error::Code::InvalidArgument,
                QStringLiteral("--limit must be a positive number.")));
        auto entries = store.audit(limit);
        if (!entries)
            return fail(entries.error());
        for (const ServerStorage::AuditEntry &entry : *entries) {
            m_out << entry.at.toUTC().toString(Qt::ISODate) << "  " << entry.action << "  "
                  << entry.userId << "  " << entry.deviceId << "  " << entry.recordKind << "  "
                  << entry.recordId << "  " << entry.detail << '\n';
        }
    } else if (in->command == QLatin1String("serve")) {
        auto certificates = Pki::readFrom(data.certificate(), data.key());
        if (!certificates)
            return fail(certificates.error());
        SyncService::Options options;
        if (!in->option("min-app").isEmpty())
            options.minimumAppVersion = QVersionNumber::fromString(in->option("min-app"));
        bool ok = true;
        const QString portText = in->option("port");
        const int port = portText.isEmpty() ? 8443 : portText.toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            return fail(makeError(Error::Code::InvalidArgument,
                QStringLiteral("--port must be between 0 and 65535.")));
        const QHostAddress address(
            in->option("listen").isEmpty() ? QStringLiteral("127.0.0.1") : in->option("listen"));
        if (address.isNull())
            return fail(makeError(
                Error::Code::InvalidArgument, QStringLiteral("--listen must be an IP address.")));
        SyncService service(store, options);
        auto listening
            = service.listen(certificates->certificate, certificates->key, address, quint16(port));
        if (!listening)
            return fail(listening.error());
        // Scripts and tests read the port from this line.
        m_out
            << QStringLiteral("listening on %1 port %2\n").arg(address.toString()).arg(*listening);
        m_out.flush();
        return QCoreApplication::exec();
    } else {
        return fail(makeError(Error::Code::InvalidArgument,
            QStringLiteral("\"%1\" is not a doorstep-server command.").arg(in->command)));
    }
    m_out.flush();
    return Cli::Ok;
}

} // namespace doorstep::server

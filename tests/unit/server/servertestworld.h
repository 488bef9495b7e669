#pragma once

// The server-side world the server storage tests share: the pilot's people on a server of
// either backend, tablets enrolled for them writing ops as a store's journal would, and
// pulls as the sync client makes them.
#include "catchhelpers.h"
#include "server/serverstorage.h"
#include "storagebackends.h"
#include "store/database.h"

#include <QUuid>
#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>

namespace doorstep::test
{

using namespace doorstep::server;

inline QString newDeviceId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// The server's time, moved by hand.
struct TestClock {
    QDateTime now { QDate(2026, 3, 4), QTime(9, 0), Qt::UTC };
    std::function<QDateTime()> function()
    {
        return [this] { return now; };
    }
};

inline QByteArray testKey(char fill = 's')
{
    return QByteArray(Database::KeyBytes, fill);
}

/// A server with the pilot's people: team North (two practitioners and their supervisor)
/// and team South's supervisor.
template <typename Backend> struct Server {
    Backend backend;
    TestClock clock;
    std::unique_ptr<ServerStorage> storage = backend.open(clock.function());
    ServerStorage &s = *storage;

    const QString amara = QStringLiteral("amara.osei");
    const QString tom = QStringLiteral("tom.hughes");
    const QString priya = QStringLiteral("priya.shah");
    const QString gareth = QStringLiteral("gareth.jones");

    Server()
    {
        const User people[] = {
            { amara, QStringLiteral("Amara Osei"), User::Role::Practitioner,
                QStringLiteral("North") },
            { tom, QStringLiteral("Tom Hughes"), User::Role::Practitioner,
                QStringLiteral("North") },
            { priya, QStringLiteral("Priya Shah"), User::Role::Supervisor,
                QStringLiteral("North") },
            { gareth, QStringLiteral("Gareth Jones"), User::Role::Supervisor,
                QStringLiteral("South") },
        };
        for (const User &user : people) {
            auto made = s.createUser(user);
            INFO((made ? QString() : made.error().message).toStdString());
            REQUIRE(made.ok());
        }
    }
};

inline QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// A tablet enrolled for a user, writing ops as its store's journal would.
struct Tablet {
    Device device;
    TestClock *clock = nullptr;
    qint64 nextSequence = 1;
    quint32 counter = 0;

    Op op(const QString &kind, const QString &recordId, const QString &field, const QVariant &value)
    {
        Op made;
        made.id = QStringLiteral("%1:%2").arg(device.id).arg(nextSequence++);
        made.kind = kind;
        made.recordId = recordId;
        made.field = field;
        made.value = value;
        made.hlc = Hlc(clock->now.toMSecsSinceEpoch(), counter++);
        made.deviceId = device.id;
        return made;
    }

    /// A new record: its fields in order, then its life.
    QList<Op> create(const QString &kind, const QString &recordId,
        const QList<std::pair<const char *, QVariant>> &fields)
    {
        QList<Op> ops;
        for (const auto &[field, value] : fields)
            ops << op(kind, recordId, QString::fromLatin1(field), value);
        ops << op(kind, recordId, QString::fromLatin1(Op::CausalLength), qint64(1));
        return ops;
    }

    QList<Op> family(const QString &familyId, const char *name)
    {
        return create(QStringLiteral("family"), familyId,
            { { "family_name", QString::fromUtf8(name) }, { "postcode", QStringLiteral("LS9 8AB") },
                { "interpreter_needed", qint64(1) }, { "address", QVariant() } });
    }

    QList<Op> person(const QString &familyId, const QString &personId, const char *givenName)
    {
        return create(QStringLiteral("person"), personId,
            { { "family_id", familyId }, { "given_name", QString::fromUtf8(givenName) },
                { "date_of_birth", QStringLiteral("2016-05-12") } });
    }

    QList<Op> visit(const QString &familyId, const QString &visitId)
    {
        return create(QStringLiteral("visit"), visitId,
            { { "family_id", familyId }, { "visit_at", QStringLiteral("2026-03-03T10:30:00.000Z") },
                { "worries", QStringLiteral("Rent arrears; the boiler is broken") } });
    }
};

template <typename Backend>
Tablet enrol(Server<Backend> &server, const QString &userId, const char *name)
{
    const QString code = require(server.s.createEnrolmentCode(userId, 3600));
    auto enrolled = require(server.s.redeemEnrolmentCode(
        code, newDeviceId(), QString::fromUtf8(name), QStringLiteral("1.2.0")));
    return Tablet { enrolled.first, &server.clock };
}

inline sync::PullReply pull(ServerStorage &s, const Tablet &tablet, qint64 cursor = 0,
    int limit = 500, sync::CatchUp catchUp = {})
{
    return require(s.pull(tablet.device, { cursor, limit, catchUp }, QStringLiteral("1.2.0")));
}

/// Where a tablet's store is after pulling: what it holds and what it sends next.
struct Pulled {
    QList<Op> ops;
    qint64 cursor = 0;
    sync::CatchUp catchUp;
    int requests = 0;
};

/// Pulls as the sync client does, storing the cursor and catch-up position each reply
/// gives, until the server has no more.
inline Pulled pullAll(ServerStorage &s, const Tablet &tablet, Pulled from = {}, int limit = 500)
{
    for (;;) {
        const sync::PullReply reply = pull(s, tablet, from.cursor, limit, from.catchUp);
        ++from.requests;
        for (const sync::LoggedOp &logged : reply.ops)
            from.ops << logged.op;
        const bool moved = reply.cursor > from.cursor || reply.catchUp != from.catchUp;
        from.cursor = reply.cursor;
        from.catchUp = reply.catchUp;
        if (!reply.more || !moved)
            return from;
    }
}

inline PushOutcome push(ServerStorage &s, const Tablet &tablet, const QList<Op> &ops)
{
    return require(s.push(tablet.device, ops, QStringLiteral("1.2.0")));
}

inline QList<Op> opsOf(const sync::PullReply &reply)
{
    QList<Op> ops;
    for (const sync::LoggedOp &logged : reply.ops)
        ops << logged.op;
    return ops;
}

/// Ops in a stable order, to compare batches that hold several families: a tablet's pull
/// may send them in another order than they were pushed.
inline QList<Op> byId(QList<Op> ops)
{
    std::sort(ops.begin(), ops.end(), [](const Op &a, const Op &b) { return a.id < b.id; });
    return ops;
}

/// A family with a child and a visit, as one push from a practitioner's tablet.
struct Casework {
    QString family = newId();
    QString child = newId();
    QString visit = newId();
    QList<Op> ops;

    Casework(Tablet &tablet, const char *familyName = "Okafor")
    {
        ops << tablet.family(family, familyName) << tablet.person(family, child, "Chidi")
            << tablet.visit(family, visit);
    }
};

} // namespace doorstep::test

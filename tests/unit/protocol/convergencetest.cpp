#include "catchhelpers.h"
#include "protocol/fieldmerge.h"
#include "protocol/hybridlogicalclock.h"
#include "protocol/syncmessages.h"

#include <QHash>
#include <QSet>
#include <algorithm>
#include <catch2/catch.hpp>
#include <deque>
#include <map>
#include <random>

// The merge rules under the sync protocol's exchanges, with every fault the network and
// the devices can add: replicas write offline with clocks days apart, and push and pull in
// random order through batches that are dropped, duplicated, reordered and cut off by
// crashes before the acknowledgement and after the commit. Whatever happens, once everyone
// has synced cleanly they all hold the same values, and nothing anyone wrote is lost.

using namespace doorstep;
using namespace doorstep::test;

namespace
{

constexpr qint64 Day = 24 * 60 * 60 * 1000;
const QString Notes = QStringLiteral("notes"); // free text
const QString Status = QStringLiteral("status"); // a scalar
const QString Life = QString::fromLatin1(Op::CausalLength);

FieldMerge::Rule ruleFor(const QString &field)
{
    if (field == Notes)
        return FieldMerge::Rule::TextVersions;
    if (field == Life)
        return FieldMerge::Rule::CausalLength;
    return FieldMerge::Rule::LastWriterWins;
}

QString keyOf(const Op &op)
{
    return op.recordId + QLatin1Char('/') + op.field;
}

/// What a field resolves to, as ids, so two replicas can be compared.
struct Resolved {
    QString current;
    QStringList conflicts;
    friend bool operator==(const Resolved &a, const Resolved &b)
    {
        return a.current == b.current && a.conflicts == b.conflicts;
    }
};

/// Every op known to a replica (or the server), by field.
struct OpSet {
    std::map<QString, QList<Op>> byField;
    QSet<QString> ids;

    bool add(const Op &op)
    {
        if (ids.contains(op.id))
            return false;
        ids.insert(op.id);
        byField[keyOf(op)] << op;
        return true;
    }

    FieldMerge::Outcome outcome(const QString &key) const
    {
        const auto found = byField.find(key);
        if (found == byField.end())
            return {};
        return FieldMerge::resolve(ruleFor(found->second.first().field), found->second);
    }

    std::map<QString, Resolved> resolved() const
    {
        std::map<QString, Resolved> all;
        for (const auto &[key, ops] : byField) {
            const FieldMerge::Outcome o = outcome(key);
            Resolved r { o.current->id, {} };
            for (const Op &conflict : o.conflicts)
                r.conflicts << conflict.id;
            all[key] = r;
        }
        return all;
    }
};

struct Server {
    QList<sync::LoggedOp> log;
    QSet<QString> ids;
    QHash<QString, qint64> heldThrough; // per device: every sequence up to this is held
    QHash<QString, QSet<qint64>> heldAbove; // sequences past a gap, waiting for it to fill
    HybridLogicalClock clock;
    qint64 wall = 0;

    Server()
        : clock([this] { return wall; })
    {
    }
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    sync::PushReply push(const QString &device, const sync::PushRequest &request)
    {
        for (const Op &op : request.ops) {
            clock.receive(op.hlc);
            if (ids.contains(op.id))
                continue; // idempotent by op id
            ids.insert(op.id);
            log << sync::LoggedOp { log.size() + 1, op };
            heldAbove[device].insert(opSequence(op.id));
        }
        qint64 &through = heldThrough[device];
        while (heldAbove[device].remove(through + 1))
            ++through;
        return { through, clock.tick(), 0, std::nullopt };
    }

    sync::PullReply pull(const sync::PullRequest &request) const
    {
        sync::PullReply reply;
        for (qint64 seq = request.cursor + 1; seq <= log.size() && reply.ops.size() < request.limit;
             ++seq)
            reply.ops << log.at(seq - 1);
        reply.cursor = reply.ops.isEmpty() ? request.cursor : reply.ops.last().serverSeq;
        reply.more = reply.cursor < log.size();
        return reply;
    }
};

struct Replica {
    QString device;
    qint64 skewMs = 0;
    qint64 wall = 0;
    HybridLogicalClock clock;
    qint64 nextSeq = 1;
    OpSet ops;
    QList<Op> outbox; // local ops in journal order
    qint64 acked = 0;
    qint64 cursor = 0;

    Replica(QString id, qint64 skew)
        : device(std::move(id))
        , skewMs(skew)
        , clock([this] { return wall + skewMs; })
    {
    }
    Replica(const Replica &) = delete;
    Replica &operator=(const Replica &) = delete;

    Op write(const QString &record, const QString &field, const QVariant &value)
    {
        Op op;
        op.id = QStringLiteral("%1:%2").arg(device).arg(nextSeq++);
        op.kind = QStringLiteral("visit");
        op.recordId = record;
        op.field = field;
        op.value = value;
        op.hlc = clock.tick();
        op.deviceId = device;
        if (field == Notes) {
            const auto found = ops.byField.find(record + QLatin1Char('/') + field);
            if (found != ops.byField.end()) {
                for (const Op &head : FieldMerge::heads(found->second))
                    op.replaces << head.id;
            }
        }
        ops.add(op);
        outbox << op;
        return op;
    }

    qint64 lifeOf(const QString &record) const
    {
        const FieldMerge::Outcome o = ops.outcome(record + QLatin1Char('/') + Life);
        return o.current ? o.current->value.toLongLong() : 0;
    }

    QList<Op> unacked(int limit) const
    {
        QList<Op> batch;
        for (const Op &op : outbox) {
            if (opSequence(op.id) > acked && batch.size() < limit)
                batch << op;
        }
        return batch;
    }

    /// A pull batch applied with its cursor in one local transaction.
    void applyPulled(const sync::PullReply &reply, std::mt19937 &random, bool reorder)
    {
        QList<sync::LoggedOp> batch = reply.ops;
        if (reorder)
            std::shuffle(batch.begin(), batch.end(), random);
        for (const sync::LoggedOp &logged : batch) {
            clock.receive(logged.op.hlc);
            ops.add(logged.op);
        }
        cursor = reply.cursor;
    }
};

struct Faults {
    bool enabled = true;
    double drop = 0.1; // a request or reply lost
    double duplicate = 0.1; // a batch delivered twice
    double reorder = 0.3; // a batch's ops applied in another order
    double crashBeforeAck = 0.1; // the server committed, the device never heard
};

struct World {
    std::mt19937 random;
    Server server;
    std::deque<Replica> replicas; // a deque never moves them: their clocks point at them
    QList<Op> written; // every op any replica wrote
    QStringList records;
    Faults faults;
    qint64 pulledOps = 0; // ops sent by pulls, to check pulls send only what is new
    qint64 expectedPulledOps = 0;

    World(quint32 seed, int replicaCount)
        : random(seed)
    {
        for (int i = 0; i < replicaCount; ++i) {
            // Clocks up to three days apart, either way.
            std::uniform_int_distribution<qint64> skew(-3 * Day, 3 * Day);
            replicas.emplace_back(QStringLiteral("device-%1").arg(QChar(u'a' + i)), skew(random));
        }
        for (int i = 0; i < 4; ++i)
            records << QStringLiteral("visit-%1").arg(i);
    }

    bool chance(double p) { return std::bernoulli_distribution(p)(random); }
    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); }

    void tick()
    {
        const qint64 step = std::uniform_int_distribution<qint64>(0, 5000)(random);
        server.wall += step;
        for (Replica &r : replicas)
            r.wall += step;
    }

    void randomWrite(Replica &r)
    {
        const QString record = records.at(pick(records.size()));
        const qint64 life = r.lifeOf(record);
        const int what = pick(10);
        if (life == 0 || what == 0) {
            // Create, delete or restore: one more than the life this replica has seen.
            written << r.write(record, Life, life + 1);
        } else if (what < 6) {
            written << r.write(
                record, Notes, QStringLiteral("%1 wrote %2").arg(r.device).arg(random() % 1000));
        } else {
            static const QStringList statuses { QStringLiteral("draft"), QStringLiteral("final"),
                QStringLiteral("draft again") };
            written << r.write(record, Status, statuses.at(pick(statuses.size())));
        }
    }

    void push(Replica &r)
    {
        const QList<Op> batch = r.unacked(1 + pick(6));
        if (batch.isEmpty())
            return;
        if (faults.enabled && chance(faults.drop))
            return; // lost on the way: the server saw nothing
        sync::PushReply reply = server.push(r.device, { batch, {}, std::nullopt });
        if (faults.enabled && chance(faults.duplicate))
            reply = server.push(r.device, { batch, {}, std::nullopt });
        if (faults.enabled && chance(faults.crashBeforeAck))
            return; // committed on the server, but the device never heard
        r.clock.receive(reply.serverHlc);
        r.acked = std::max(r.acked, reply.acked);
    }

    void pull(Replica &r)
    {
        const sync::PullReply reply = server.pull({ r.cursor, 1 + pick(8), {} });
        pulledOps += reply.ops.size();
        expectedPulledOps += std::min<qint64>(server.log.size() - r.cursor, reply.ops.size());
        if (faults.enabled && chance(faults.drop))
            return; // reply lost, or a crash before the local commit: nothing kept
        const bool reorder = faults.enabled && chance(faults.reorder);
        r.applyPulled(reply, random, reorder);
        if (faults.enabled && chance(faults.duplicate))
            r.applyPulled(reply, random, reorder); // the same batch again changes nothing
    }

    void randomStep()
    {
        tick();
        Replica &r = replicas[pick(int(replicas.size()))];
        switch (pick(4)) {
        case 0:
        case 1:
            randomWrite(r);
            break;
        case 2:
            push(r);
            break;
        default:
            pull(r);
            break;
        }
    }

    /// Everyone syncs until nothing is left to send or fetch, with no faults.
    void settle()
    {
        faults.enabled = false;
        for (int round = 0; round < 3; ++round) {
            for (Replica &r : replicas) {
                while (!r.unacked(1).isEmpty())
                    push(r);
            }
        }
        for (Replica &r : replicas) {
            for (;;) {
                const qint64 before = r.cursor;
                pull(r);
                if (r.cursor == before)
                    break;
            }
        }
    }
};

/// True if some op in the set names `op` in its replaces: a causally later write.
bool supersededIn(const OpSet &set, const Op &op)
{
    const auto found = set.byField.find(keyOf(op));
    if (found == set.byField.end())
        return false;
    return std::any_of(found->second.cbegin(), found->second.cend(),
        [&](const Op &other) { return other.replaces.contains(op.id); });
}

} // namespace

TEST_CASE("Replicas converge and lose nothing through dropped, repeated and reordered syncs",
    "[protocol]")
{
    const quint32 seed = testSeed();
    INFO("seed " << seed << " (DOORSTEP_TEST_SEED replays it)");
    std::mt19937 seeds(seed);

    for (int run = 0; run < 200; ++run) {
        const quint32 runSeed = seeds();
        INFO("run " << run << ", run seed " << runSeed);
        std::mt19937 sizes(runSeed);
        const int replicaCount = 3 + int(sizes() % 3);
        World world(runSeed, replicaCount);
        const int steps = 40 + int(sizes() % 80);
        for (int step = 0; step < steps; ++step)
            world.randomStep();
        world.settle();

        // All replicas converge, on what the server holds.
        OpSet serverSet;
        for (const sync::LoggedOp &logged : world.server.log)
            serverSet.add(logged.op);
        const auto expected = serverSet.resolved();
        for (const Replica &r : world.replicas) {
            INFO(r.device.toStdString());
            CHECK(r.ops.ids == serverSet.ids);
            CHECK((r.ops.resolved() == expected));
            CHECK(r.acked == r.nextSeq - 1);
        }

        // Every value written is current, replaced by a later write or kept as a conflict.
        const Replica &first = world.replicas.front();
        for (const Op &op : world.written) {
            INFO(op.id.toStdString() << " " << op.field.toStdString());
            const FieldMerge::Outcome outcome = first.ops.outcome(keyOf(op));
            REQUIRE(outcome.current);
            if (op.field == Notes) {
                const bool kept = outcome.current->id == op.id
                    || std::any_of(outcome.conflicts.cbegin(), outcome.conflicts.cend(),
                        [&](const Op &c) { return c.id == op.id; });
                CHECK((kept || supersededIn(first.ops, op)));
            } else {
                CHECK(FieldMerge::wins(ruleFor(op.field), *outcome.current, op)
                    == (outcome.current->id != op.id));
            }
        }

        // No deleted record comes back without a restore: a record's life is the largest
        // count anyone wrote, whoever wrote it last.
        for (const QString &record : world.records) {
            qint64 largest = 0;
            for (const Op &op : world.written) {
                if (op.recordId == record && op.field == Life)
                    largest = std::max(largest, op.value.toLongLong());
            }
            CHECK(first.lifeOf(record) == largest);
        }

        // Pulls sent only what was new past each cursor.
        CHECK(world.pulledOps == world.expectedPulledOps);
    }
}

TEST_CASE("Applying a pulled batch twice changes nothing", "[protocol]")
{
    const quint32 seed = testSeed();
    INFO("seed " << seed << " (DOORSTEP_TEST_SEED replays it)");
    World world(seed, 3);
    world.faults.enabled = false;
    for (int step = 0; step < 60; ++step) {
        world.tick();
        world.randomWrite(world.replicas[world.pick(3)]);
    }
    for (Replica &r : world.replicas) {
        while (!r.unacked(1).isEmpty())
            world.push(r);
    }
    Replica &reader = world.replicas.back();
    const sync::PullReply reply = world.server.pull({ 0, 5000, {} });
    reader.applyPulled(reply, world.random, false);
    const auto once = reader.ops.resolved();
    const auto idsOnce = reader.ops.ids;
    reader.applyPulled(reply, world.random, true);
    CHECK((reader.ops.resolved() == once));
    CHECK(reader.ops.ids == idsOnce);
}

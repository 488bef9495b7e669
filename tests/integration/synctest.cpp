#include "cli/cli.h"
#include "serverprocess.h"

// Sync end to end with real processes on loopback: doorstep-server made and administered
// with its own commands, serving TLS with the council CA it made; doorstep-cli stores
// enrolled with one-time codes, syncing a family from one tablet to another; each with the
// server keeping its data in SQLCipher and in PostgreSQL.

using namespace doorstep;
using namespace doorstep::test;

SERVER_TEST_CASE(
    "A family recorded on one tablet arrives on another through the server", "[integration]")
{
    if (!serverBackendReady(TestType::backend))
        return;
    ServerProcess server(TestType::backend);
    server.init();
    server.serve();

    CliStore lead;
    lead.init();
    const ProcessRun enrolled = enrol(lead, server, server.enrolmentCode(), server.caFile());
    INFO(enrolled.describe());
    REQUIRE(enrolled.exitCode == 0);
    const QString familyId = lead.addFamily(QStringLiteral("Okafor"));
    lead.ok({ QStringLiteral("visit"), QStringLiteral("add"), QStringLiteral("--family"), familyId,
        QStringLiteral("--at"), QStringLiteral("2026-03-04T10:30:00Z"), QStringLiteral("--worries"),
        QStringLiteral("Rent arrears") });
    const QString pushed = lead.ok({ QStringLiteral("sync") });
    CHECK(pushed.contains(QLatin1String("Synced:")));

    CliStore second;
    second.init();
    REQUIRE(enrol(second, server, server.enrolmentCode(), server.caFile()).exitCode == 0);
    second.ok({ QStringLiteral("sync") });
    CHECK(second.ok({ QStringLiteral("family"), QStringLiteral("list") })
              .contains(QLatin1String("Okafor")));
    CHECK(second
              .ok({ QStringLiteral("visit"), QStringLiteral("list"), QStringLiteral("--family"),
                  familyId })
              .contains(QLatin1String("2026-03-04")));
    CHECK(second.ok({ QStringLiteral("verify") }).size() > 0);

    // A second sync with nothing new changes nothing.
    CHECK(
        lead.ok({ QStringLiteral("sync") }).contains(QLatin1String("0 changes sent, 0 received")));

    // The server lists both tablets, with when they last synced.
    const QString devices = server.ok({ QStringLiteral("devices") });
    CHECK(devices.count(QLatin1String("u1")) == 2);
    CHECK_FALSE(devices.contains(QLatin1String("never")));
}

SERVER_TEST_CASE("A code works once, and a tablet trusts no CA but the council's", "[integration]")
{
    if (!serverBackendReady(TestType::backend))
        return;
    ServerProcess server(TestType::backend);
    server.init();
    server.serve();
    ServerProcess other(TestType::backend);
    other.init();

    CliStore tablet;
    tablet.init();
    const QString code = server.enrolmentCode();
    const ProcessRun wrongCa = enrol(tablet, server, code, other.caFile());
    INFO(wrongCa.describe());
    CHECK(wrongCa.exitCode == Cli::exitCodeFor(Error::Code::Io));
    CHECK(wrongCa.err.contains(QLatin1String("council's certificate")));

    REQUIRE(enrol(tablet, server, code, server.caFile()).exitCode == 0);
    CliStore again;
    again.init();
    const ProcessRun reused = enrol(again, server, code, server.caFile());
    INFO(reused.describe());
    CHECK(reused.exitCode != 0);
    CHECK(reused.err.contains(QLatin1String("enrolment code")));
}

SERVER_TEST_CASE("A revoked tablet is told so and sends nothing", "[integration]")
{
    if (!serverBackendReady(TestType::backend))
        return;
    ServerProcess server(TestType::backend);
    server.init();
    server.serve();
    CliStore tablet;
    tablet.init();
    REQUIRE(enrol(tablet, server, server.enrolmentCode(), server.caFile()).exitCode == 0);
    tablet.ok({ QStringLiteral("sync") });
    const QString deviceLine = server.ok({ QStringLiteral("devices") });
    const QString deviceId = deviceLine.section(QLatin1Char(' '), 0, 0);
    server.ok({ QStringLiteral("revoke"), QStringLiteral("--device"), deviceId });

    tablet.addFamily(QStringLiteral("Osei"));
    const ProcessRun refused = tablet.cli({ QStringLiteral("sync") });
    INFO(refused.describe());
    CHECK(refused.exitCode == Cli::exitCodeFor(Error::Code::LockedOut));
    CHECK(refused.err.contains(QLatin1String("revoked")));
    CHECK(refused.err.contains(QLatin1String("This store has been removed.")));
    CHECK_FALSE(QFileInfo::exists(tablet.paths().database()));
    CHECK_FALSE(QFileInfo::exists(tablet.paths().keySlot()));
    CHECK(server.ok({ QStringLiteral("audit") }).contains(QLatin1String("revoke")));
}

SERVER_TEST_CASE("An app older than the server's minimum is asked to update", "[integration]")
{
    if (!serverBackendReady(TestType::backend))
        return;
    ServerProcess server(TestType::backend);
    server.init();
    server.serve({ QStringLiteral("--min-app"), QStringLiteral("99.0.0") });
    CliStore tablet;
    tablet.init();
    const ProcessRun refused = enrol(tablet, server, server.enrolmentCode(), server.caFile());
    INFO(refused.describe());
    CHECK(refused.exitCode == Cli::exitCodeFor(Error::Code::Unsupported));
    CHECK(refused.err.contains(QLatin1String("needs updating")));
}

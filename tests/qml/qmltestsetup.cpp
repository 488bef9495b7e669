// The Qt Quick Test runner: each test file gets the real QML modules and a Session on a
// fresh encrypted store holding three fictional families (passphrase "test-passphrase").

#include "client/syncclient.h"
#include "models/autolock.h"
#include "models/childmode.h"
#include "models/englishplurals.h"
#include "models/session.h"
#include "protocol/recordschema.h"
#include "screencheck.h"
#include "security/storeaccess.h"
#include "store/familyrepository.h"
#include "store/storeexport.h"
#include "testsyncserver.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>
#include <memory>

Q_IMPORT_QML_PLUGIN(DoorstepPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_InkPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_GenogramPlugin)

namespace doorstep
{

/// What the QML tests need from outside: where to save screenshots (the environment
/// variable DOORSTEP_SCREENSHOT_DIR; none are saved when it is unset).
class TestSupport : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString screenshotFolder READ screenshotFolder CONSTANT)
    /// The store outlives the test program (DOORSTEP_TEST_STORE): the restart test.
    Q_PROPERTY(bool storeKept READ storeKept CONSTANT)
    /// The program runs the supervisor's team test alone (DOORSTEP_TEST_TEAM): its store's
    /// user is a supervisor at the test server.
    Q_PROPERTY(bool teamProgram READ teamProgram CONSTANT)

public:
    QString screenshotFolder() const { return qEnvironmentVariable("DOORSTEP_SCREENSHOT_DIR"); }
    bool storeKept() const { return qEnvironmentVariable("DOORSTEP_TEST_STORE").length() > 0; }
    bool teamProgram() const { return qEnvironmentVariable("DOORSTEP_TEST_TEAM").length() > 0; }

    /// The id of a fixture family, by family name.
    Q_INVOKABLE QString familyId(const QString &familyName) const
    {
        return familyIds.value(familyName);
    }

    /// Shortens the idle time before auto-lock, so a test can wait it out.
    Q_INVOKABLE void setAutoLockMilliseconds(int milliseconds)
    {
        if (autoLock)
            autoLock->setIdleMilliseconds(milliseconds);
    }

    /// How many live records of a kind ("consent", "stroke") the store holds, so a test
    /// can check what a flow wrote; -1 when locked or the kind is unknown.
    Q_INVOKABLE int liveRecords(const QString &kind) const
    {
        const RecordKindSpec *spec = RecordSchema::find(kind);
        Store *store = session ? session->store() : nullptr;
        if (!spec || !store)
            return -1;
        auto query = store->query(
            QStringLiteral("SELECT count(*) FROM %1 WHERE causal_length % 2 = 1").arg(spec->table));
        if (!query || !query->step().ok())
            return -1;
        return int(query->integer(0));
    }

    /// Keeps a team view as a sync would: the store's user supervises team North, where
    /// Amara Osei works beside them (and leads no family here). False if refused.
    Q_INVOKABLE bool becomeSupervisor() const
    {
        Store *store = session ? session->store() : nullptr;
        if (!store)
            return false;
        TeamView view;
        view.role = TeamView::Role::Supervisor;
        view.team = QStringLiteral("North");
        const QDateTime morning(session->today(), QTime(8, 30));
        view.members = { { QStringLiteral("amara"), QStringLiteral("Amara Osei"),
                             TeamView::Role::Practitioner,
                             { { QStringLiteral("Amara's tablet"), morning.toUTC() } } },
            { store->userId(), QStringLiteral("Sam Okoye"), TeamView::Role::Supervisor,
                { { QStringLiteral("Sam's tablet"), morning.addDays(-9).toUTC() } } } };
        if (!store->saveTeamView(view))
            return false;
        session->announceChanges({ SyncClient::TeamViewKind });
        return true;
    }

    /// A new empty folder inside the test's temporary folder.
    Q_INVOKABLE QString makeFolder(const QString &name) const
    {
        const QString path = QDir(root).filePath(name);
        return QDir().mkpath(path) ? path : QString();
    }

    /// The size of a file in bytes, or -1 when there is none.
    Q_INVOKABLE qint64 fileSize(const QString &path) const
    {
        const QFileInfo info(path);
        return info.isFile() ? info.size() : -1;
    }

    /// Another tablet's edit of a field, applied as a sync would pull it and announced to
    /// the pages: a second later than anything here, replacing the version the field held
    /// before. With localText, this tablet first writes localText over that same version,
    /// so the two edits are concurrent (a conflict); without, the edit follows this tablet's
    /// (a conflict only if the record is signed or finalised). False if refused.
    Q_INVOKABLE bool editOnAnotherTablet(const QString &kind, const QString &recordId,
        const QString &field, const QString &text, const QString &localText = {})
    {
        Store *store = session ? session->store() : nullptr;
        if (!store)
            return false;
        auto current
            = store->query(QStringLiteral("SELECT op_id FROM field_clock WHERE "
                                          "record_kind = ? AND record_id = ? AND field = ?"));
        if (!current)
            return false;
        current->bind(1, kind).bind(2, recordId).bind(3, field);
        auto row = current->step();
        if (!row)
            return false;
        const QStringList seen = *row ? QStringList { current->text(0) } : QStringList();
        current->reset();
        if (!localText.isEmpty()
            && !session->apply(Change::update(kind, recordId, { { field, localText } })))
            return false;
        const QString device = QStringLiteral("tablet-2");
        const Op op { QStringLiteral("%1:%2").arg(device).arg(++otherTabletOps), kind, recordId,
            field, text, Hlc(store->lastHlc().physicalMs() + 1000, 0), device, seen };
        auto applied = store->applyPulled({ op }, store->pullCursor() + 1);
        if (!applied)
            return false;
        session->announceChanges(applied->kinds);
        return true;
    }

    QHash<QString, QString> familyIds;
    int otherTabletOps = 0;
    AutoLock *autoLock = nullptr;
    Session *session = nullptr;
    QString root;
};

class QmlTestSetup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        // As the app does: counted text in English reads "1 child", "3 children".
        if (!EnglishPlurals::install())
            qFatal("the English plural forms could not be loaded");
        qmlRegisterSingletonInstance("DoorstepTest", 1, 0, "TestSupport", &m_support);
        m_syncServer = std::make_unique<TestSyncServer>();
        qmlRegisterSingletonInstance("DoorstepTest", 1, 0, "TestSyncServer", m_syncServer.get());
        // DOORSTEP_TEST_STORE keeps the store between runs, so a second run of the test
        // program is the app restarted on the first run's data.
        m_folder = std::make_unique<QTemporaryDir>();
        QString folder = qEnvironmentVariable("DOORSTEP_TEST_STORE");
        if (folder.isEmpty())
            folder = m_folder->filePath(QStringLiteral("store"));
        auto passphrase = SecureBytes::fromString(QStringLiteral("test-passphrase"));
        const bool exists = QFileInfo::exists(folder + QStringLiteral("/doorstep.db"));
        auto opened = exists ? StoreAccess::open(folder, *passphrase)
                             : StoreAccess::create(folder, *passphrase,
                                 QStringLiteral("practitioner-1"), KdfParams::minimum());
        if (!opened)
            qFatal("could not open the test store: %s", qPrintable(opened.error().message));
        if (exists)
            findFamilies(**opened);
        else
            addFixtures(**opened);
        m_check = std::make_unique<ScreenCheck>(engine);
        addDataTexts(**opened);
        qmlRegisterSingletonInstance("DoorstepTest", 1, 0, "ScreenCheck", m_check.get());
        opened->reset();
        m_session = std::make_unique<Session>(folder);
        Session::setInstance(m_session.get());
        m_autoLock = std::make_unique<AutoLock>(m_session.get());
        m_childMode = std::make_unique<ChildMode>(m_session.get());
        ChildMode::setInstance(m_childMode.get());
        m_support.autoLock = m_autoLock.get();
        m_support.session = m_session.get();
        m_support.root = m_folder->path();
    }

    void cleanupTestCase()
    {
        // The session goes while the application (and its thread pool) still exist.
        Session::setInstance(nullptr);
        ChildMode::setInstance(nullptr);
        m_childMode.reset();
        m_support.autoLock = nullptr;
        m_support.session = nullptr;
        m_autoLock.reset();
        m_session.reset();
        m_check.reset();
        m_syncServer.reset();
    }

private:
    // Three fictional families; Ashdown has a child, so visits have someone to see.
    void addFixtures(Store &store)
    {
        for (const char *name : { "Ashdown", "Brightwell", "Carrow" }) {
            auto id = store.apply(Change::create(QStringLiteral("family"),
                { { QStringLiteral("family_name"), QString::fromLatin1(name) },
                    { QStringLiteral("postcode"), QStringLiteral("ZZ99 1XX") } }));
            if (!id)
                qFatal("could not add a test family: %s", qPrintable(id.error().message));
            m_support.familyIds.insert(QString::fromLatin1(name), *id);
        }
        auto child = store.apply(Change::create(QStringLiteral("person"),
            { { QStringLiteral("family_id"), m_support.familyIds.value(QStringLiteral("Ashdown")) },
                { QStringLiteral("given_name"), QStringLiteral("Amber") },
                { QStringLiteral("family_name"), QStringLiteral("Ashdown") },
                { QStringLiteral("date_of_birth"), QStringLiteral("2016-05-01") },
                { QStringLiteral("role"), QStringLiteral("child") } }));
        if (!child)
            qFatal("could not add a test child: %s", qPrintable(child.error().message));
        addCasework(store);
    }

    void findFamilies(Store &store)
    {
        auto families = FamilyRepository(store).list();
        if (!families)
            qFatal("could not list the test families: %s", qPrintable(families.error().message));
        for (const Family &family : *families)
            m_support.familyIds.insert(family.familyName, family.id);
    }

    // Every text the fixture holds is case data the screen check lets through untranslated.
    void addDataTexts(Store &store)
    {
        auto json = StoreExport::toJson(store);
        if (!json)
            qFatal("could not export the test store: %s", qPrintable(json.error().message));
        const std::function<void(const QJsonValue &)> add = [&](const QJsonValue &value) {
            if (value.isString()) {
                m_check->addDataText(value.toString());
            } else if (value.isArray()) {
                for (const QJsonValue &item : value.toArray())
                    add(item);
            } else if (value.isObject()) {
                for (const QJsonValue &item : value.toObject())
                    add(item);
            }
        };
        add(*json);
    }

    // The families' cases, dated from today so their timescales keep the same status on
    // any day the tests run: Ashdown's first contact is overdue; Brightwell's goals and
    // plan are overdue; Carrow's next review is not yet due. Every family is allocated to
    // the store's practitioner, so all three are on the caseload.
    void addCasework(Store &store)
    {
        const QDate today = QDate::currentDate();
        const auto add = [&store](const char *kind, QList<FieldValue> fields) {
            auto id = store.apply(Change::create(QString::fromLatin1(kind), std::move(fields)));
            if (!id)
                qFatal("could not add a test %s: %s", kind, qPrintable(id.error().message));
            return *id;
        };
        const auto field = [](const char *name, const QVariant &value) {
            return FieldValue { QString::fromLatin1(name), value };
        };
        const auto at
            = [today](int daysAgo) { return QDateTime(today.addDays(-daysAgo), QTime(10, 30)); };
        const QString ashdown = m_support.familyIds.value(QStringLiteral("Ashdown"));
        const QString brightwell = m_support.familyIds.value(QStringLiteral("Brightwell"));
        const QString carrow = m_support.familyIds.value(QStringLiteral("Carrow"));

        struct Allocation {
            QString family;
            int daysAgo;
            const char *source;
            int level;
        };
        for (const Allocation &a :
            { Allocation { ashdown, 10, "school", 3 }, Allocation { brightwell, 60, "health", 3 },
                Allocation { carrow, 150, "self", 2 } }) {
            add("referral",
                { field("family_id", a.family), field("source", QString::fromLatin1(a.source)),
                    field("level_of_need", a.level),
                    field("referred_on", today.addDays(-a.daysAgo - 5)),
                    field("reason", QStringLiteral("School attendance and rent arrears")) });
            add("allocation",
                { field("family_id", a.family),
                    field("practitioner_id", QStringLiteral("practitioner-1")),
                    field("practitioner_name", QStringLiteral("Sam Okoye")),
                    field("team", QStringLiteral("Northgate")),
                    field("allocated_on", today.addDays(-a.daysAgo)) });
        }

        const auto update = store.apply(Change::update(QStringLiteral("family"), brightwell,
            { field("address", QStringLiteral("14 Mill Lane, Northgate")),
                field("language", QStringLiteral("Polish")), field("interpreter_needed", true) }));
        if (!update)
            qFatal("could not update a test family: %s", qPrintable(update.error().message));
        const QString kasia = add("person",
            { field("family_id", brightwell), field("given_name", QStringLiteral("Kasia")),
                field("family_name", QStringLiteral("Brightwell")),
                field("date_of_birth", QDate(1988, 2, 11)),
                field("nhs_number", QStringLiteral("9990000018")),
                field("gender", QStringLiteral("female")),
                field("role", QStringLiteral("parent")) });
        add("person",
            { field("family_id", brightwell), field("given_name", QStringLiteral("Jan")),
                field("family_name", QStringLiteral("Brightwell")),
                field("date_of_birth", QDate(2015, 9, 3)),
                field("nhs_number", QStringLiteral("9990000026")),
                field("gender", QStringLiteral("male")), field("role", QStringLiteral("child")),
                field("school", QStringLiteral("Northgate Primary School")) });
        add("person",
            { field("family_id", brightwell), field("given_name", QStringLiteral("Ola")),
                field("family_name", QStringLiteral("Brightwell")),
                field("date_of_birth", today.addMonths(-10)),
                field("nhs_number", QStringLiteral("9990000034")),
                field("role", QStringLiteral("child")) });
        add("consent",
            { field("family_id", brightwell), field("person_id", kasia),
                field("agencies", QStringLiteral("school, health")),
                field("signed_on", today.addDays(-55)),
                field("expires_on", today.addDays(-55).addYears(1)) });
        add("plan",
            { field("family_id", brightwell), field("status", QStringLiteral("draft")),
                field("started_on", today.addDays(-50)) });
        add("visit",
            { field("family_id", brightwell), field("visit_at", at(58)),
                field("location", QStringLiteral("Family home")),
                field("status", QStringLiteral("final")) });
        add("visit",
            { field("family_id", brightwell), field("visit_at", at(3)),
                field("location", QStringLiteral("Northgate Primary School")) });

        add("person",
            { field("family_id", carrow), field("given_name", QStringLiteral("Dee")),
                field("family_name", QStringLiteral("Carrow")),
                field("date_of_birth", QDate(1979, 12, 1)),
                field("role", QStringLiteral("carer")) });
        add("person",
            { field("family_id", carrow), field("given_name", QStringLiteral("Rio")),
                field("family_name", QStringLiteral("Carrow")),
                field("date_of_birth", QDate(2010, 6, 20)),
                field("nhs_number", QStringLiteral("9990000042")),
                field("role", QStringLiteral("young_person")),
                field("school", QStringLiteral("Northgate Academy")) });
        add("visit",
            { field("family_id", carrow), field("visit_at", at(148)),
                field("location", QStringLiteral("Family home")),
                field("status", QStringLiteral("final")) });
        // Complete, not signed off: only a supervisor signs a plan off, and the server
        // refuses a sign-off from this practitioner's tablet when the enrol test syncs it.
        add("plan",
            { field("family_id", carrow), field("status", QStringLiteral("complete")),
                field("started_on", today.addDays(-140)),
                field("goals_agreed_on", today.addDays(-130)),
                field("completed_on", today.addDays(-100)) });
        add("review",
            { field("family_id", carrow), field("held_on", today.addDays(-20)),
                field("attendees", QStringLiteral("Dee, Rio, school")) });
    }

    TestSupport m_support;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<AutoLock> m_autoLock;
    std::unique_ptr<ChildMode> m_childMode;
    std::unique_ptr<ScreenCheck> m_check;
    std::unique_ptr<TestSyncServer> m_syncServer;
};

} // namespace doorstep

QUICK_TEST_MAIN_WITH_SETUP(doorstep, doorstep::QmlTestSetup)

#include "qmltestsetup.moc"

// The Qt Quick Test runner: each test file gets the real QML modules and a Session on a
// fresh encrypted store holding three fictional families (passphrase "test-passphrase").

#include "models/session.h"
#include "security/storeaccess.h"

#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest/quicktest.h>
#include <memory>

Q_IMPORT_QML_PLUGIN(DoorstepPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_ModelsPlugin)

namespace doorstep
{

/// What the QML tests need from outside: where to save screenshots (the environment
/// variable DOORSTEP_SCREENSHOT_DIR; none are saved when it is unset).
class TestSupport : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString screenshotFolder READ screenshotFolder CONSTANT)

public:
    QString screenshotFolder() const { return qEnvironmentVariable("DOORSTEP_SCREENSHOT_DIR"); }
};

class QmlTestSetup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        qmlRegisterSingletonInstance("DoorstepTest", 1, 0, "TestSupport", &m_support);
        m_folder = std::make_unique<QTemporaryDir>();
        const QString store = m_folder->filePath(QStringLiteral("store"));
        auto passphrase = SecureBytes::fromString(QStringLiteral("test-passphrase"));
        auto created = StoreAccess::create(
            store, *passphrase, QStringLiteral("practitioner-1"), KdfParams::minimum());
        if (!created)
            qFatal("could not create the test store: %s", qPrintable(created.error().message));
        for (const char *name : { "Ashdown", "Brightwell", "Carrow" }) {
            auto id = (*created)->apply(Change::create(QStringLiteral("family"),
                { { QStringLiteral("family_name"), QString::fromLatin1(name) },
                    { QStringLiteral("postcode"), QStringLiteral("ZZ99 1XX") } }));
            if (!id)
                qFatal("could not add a test family: %s", qPrintable(id.error().message));
        }
        created->reset();
        m_session = std::make_unique<Session>(store);
        Session::setInstance(m_session.get());
    }

    void cleanupTestCase()
    {
        // The session goes while the application (and its thread pool) still exist.
        Session::setInstance(nullptr);
        m_session.reset();
    }

private:
    TestSupport m_support;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<Session> m_session;
};

} // namespace doorstep

QUICK_TEST_MAIN_WITH_SETUP(doorstep, doorstep::QmlTestSetup)

#include "qmltestsetup.moc"

#include "models/autolock.h"
#include "models/childmode.h"
#include "models/englishplurals.h"
#include "models/pseudotranslator.h"
#include "models/session.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QtQml/QQmlExtensionPlugin>

Q_IMPORT_QML_PLUGIN(DoorstepPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_InkPlugin)
Q_IMPORT_QML_PLUGIN(Doorstep_GenogramPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Doorstep"));
    QGuiApplication::setOrganizationName(QStringLiteral("Doorstep"));
    QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Doorstep: offline casework for early-help family practitioners."));
    parser.addHelpOption();
    const QCommandLineOption storeOption(QStringLiteral("store"),
        QStringLiteral("The folder of the encrypted store."), QStringLiteral("folder"));
    parser.addOption(storeOption);
    const QCommandLineOption localeOption(QStringLiteral("locale"),
        QStringLiteral("Show the app in this locale, e.g. ar for a right-to-left check."),
        QStringLiteral("name"));
    parser.addOption(localeOption);
    const QCommandLineOption pseudoOption(QStringLiteral("pseudo-translate"),
        QStringLiteral("Show every translatable text pseudo-translated (wrapped and longer)."));
    parser.addOption(pseudoOption);
    parser.process(app);

    if (parser.isSet(localeOption))
        QLocale::setDefault(QLocale(parser.value(localeOption)));
    if (!doorstep::EnglishPlurals::install())
        qWarning("Doorstep: the English plural forms could not be loaded; counts read \"1 days\".");
    doorstep::PseudoTranslator pseudo;
    if (parser.isSet(pseudoOption))
        QCoreApplication::installTranslator(&pseudo);

    QString folder = parser.value(storeOption);
    if (folder.isEmpty())
        folder = qEnvironmentVariable("DOORSTEP_STORE");
    if (folder.isEmpty())
        folder = QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
                     .filePath(QStringLiteral("doorstep/store"));

    doorstep::Session session(folder);
    doorstep::Session::setInstance(&session);
    doorstep::AutoLock autoLock(&session);
    doorstep::ChildMode childMode(&session);
    doorstep::ChildMode::setInstance(&childMode);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/Doorstep/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    // A minimised or hidden window locks at once, like a switched-away app.
    if (auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst())) {
        QObject::connect(window, &QWindow::visibilityChanged, &session,
            [&session](QWindow::Visibility visibility) {
                if (visibility == QWindow::Hidden || visibility == QWindow::Minimized)
                    session.lock();
            });
    }
    return QGuiApplication::exec();
}

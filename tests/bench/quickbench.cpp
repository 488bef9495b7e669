#include "quickbench.h"

#include "cli/demodata.h"
#include "models/session.h"
#include "security/storeaccess.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <unistd.h>

namespace doorstep::QuickBench
{

QString passphrase()
{
    return QStringLiteral("bench-passphrase");
}

QString practitionerId()
{
    return QStringLiteral("practitioner-1");
}

QDateTime demoNow()
{
    return QDateTime(DemoData::Options().today, QTime(10, 0));
}

Result<void> makeDemoStore(const QString &folder, int families)
{
    auto secret = SecureBytes::fromString(passphrase());
    if (!secret)
        return secret.error();
    auto store = StoreAccess::create(folder, *secret, practitionerId(), KdfParams::minimum());
    if (!store)
        return store.error();
    DemoData::Options options;
    options.families = families;
    options.practitionerId = practitionerId();
    options.practitionerName = QStringLiteral("Sam Okoye");
    constexpr int FamiliesPerApply = 200;
    QList<Change> batch;
    for (int i = 0; i < families; ++i) {
        batch << DemoData::family(options, i);
        if ((i + 1) % FamiliesPerApply == 0 || i + 1 == families) {
            auto applied = (*store)->apply(batch);
            if (!applied)
                return applied.error();
            batch.clear();
        }
    }
    return {};
}

Result<void> unlock(Session &session)
{
    if (session.isUnlocked())
        return {};
    QEventLoop loop;
    QObject::connect(&session, &Session::unlockedChanged, &loop, &QEventLoop::quit);
    QObject::connect(&session, &Session::errorChanged, &loop, &QEventLoop::quit);
    session.unlock(passphrase());
    if (session.isBusy())
        loop.exec();
    if (!session.isUnlocked())
        return makeError(Error::Code::Internal,
            QStringLiteral("The benchmark store did not unlock: %1").arg(session.errorString()));
    return {};
}

std::optional<Clock::time_point> nextFrame(QQuickWindow *window, int timeoutMs)
{
    QEventLoop loop;
    std::optional<Clock::time_point> swapped;
    // Direct: with a threaded render loop frameSwapped comes from the render thread, and
    // the time is taken there; the loop is told to quit through its own thread.
    const auto connection = QObject::connect(
        window, &QQuickWindow::frameSwapped, &loop,
        [&swapped, &loop] {
            if (!swapped) {
                swapped = Clock::now();
                QMetaObject::invokeMethod(&loop, &QEventLoop::quit, Qt::QueuedConnection);
            }
        },
        Qt::DirectConnection);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    window->update();
    loop.exec();
    QObject::disconnect(connection);
    return swapped;
}

QQuickItem *findItem(QQuickItem *root, const QString &objectName)
{
    if (!root)
        return nullptr;
    if (root->objectName() == objectName)
        return root;
    const QList<QQuickItem *> children = root->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}

void prepareEnvironment()
{
    if (!qEnvironmentVariableIsSet("QT_QPA_UPDATE_IDLE_TIME"))
        qputenv("QT_QPA_UPDATE_IDLE_TIME", "0");
    if (!qEnvironmentVariableIsSet("XDG_RUNTIME_DIR")) {
        // Qt warns on every start without one; an empty private folder is enough.
        const QByteArray folder = "/tmp/doorstep-bench-runtime-" + QByteArray::number(getuid());
        QDir().mkpath(QString::fromLocal8Bit(folder));
        QFile::setPermissions(QString::fromLocal8Bit(folder),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", folder);
    }
}

QString describeGraphics(QQuickWindow *window)
{
    QString api = QStringLiteral("unknown");
    if (QSGRendererInterface *renderer = window->rendererInterface()) {
        switch (renderer->graphicsApi()) {
        case QSGRendererInterface::Software:
            api = QStringLiteral("software");
            break;
        case QSGRendererInterface::OpenGL:
            api = QStringLiteral("OpenGL (RHI)");
            break;
        case QSGRendererInterface::Vulkan:
            api = QStringLiteral("Vulkan (RHI)");
            break;
        default:
            api = QStringLiteral("other (%1)").arg(int(renderer->graphicsApi()));
            break;
        }
    }
    const QString loop = qEnvironmentVariable("QSG_RENDER_LOOP");
    return QStringLiteral("platform %1, scene graph %2, render loop %3")
        .arg(QGuiApplication::platformName(), api,
            loop.isEmpty() ? QStringLiteral("Qt's default") : loop);
}

double milliseconds(Clock::duration duration)
{
    return std::chrono::duration<double, std::milli>(duration).count();
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = size_t(std::max(1.0, std::ceil(p * double(values.size())))) - 1;
    return values[std::min(rank, values.size() - 1)];
}

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    return QString::fromLatin1(file.readAll().split(' ').mid(0, 3).join(' '));
}

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace doorstep::QuickBench

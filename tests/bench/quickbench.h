#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <chrono>
#include <optional>
#include <vector>

class QQuickItem;
class QQuickWindow;

namespace doorstep
{

class Session;

/// What the Qt Quick benchmarks (bench_startup, bench_caseload) share: a demo store on
/// disk, a session unlocked on it, waiting for frames, and the statistics they print.
namespace QuickBench
{

using Clock = std::chrono::steady_clock;

/// The passphrase of every benchmark store.
QString passphrase();
/// The practitioner every demo family is allocated to.
QString practitionerId();
/// DemoData's "today" at 10:00: the sessions' clock, so the deadlines, and with them the
/// badges and the order of the list, are the same on every run.
QDateTime demoNow();

/// Makes an encrypted store in folder (which must not exist yet) holding families
/// DemoData families (seed 1, up to 4 visits each), all allocated to practitionerId().
/// The key slot uses KdfParams::minimum(): the benchmarks leave key derivation out.
Result<void> makeDemoStore(const QString &folder, int families);

/// Unlocks session with passphrase() and waits for the store to be open.
Result<void> unlock(Session &session);

/// Asks window for a frame and waits for the next frameSwapped: the time it was swapped,
/// or nothing after timeoutMs. Everything changed before the call is in that frame.
std::optional<Clock::time_point> nextFrame(QQuickWindow *window, int timeoutMs = 10'000);

/// The item called objectName in the visual tree under root (root included).
QQuickItem *findItem(QQuickItem *root, const QString &objectName);

/// Sets the environment every Qt Quick benchmark runs in; call before QGuiApplication.
/// QT_QPA_UPDATE_IDLE_TIME=0: Qt waits 5 ms by default between an update request and the
/// frame, which would add a constant to every frame time and hide the work behind it.
void prepareEnvironment();
/// The platform, graphics API and render loop, for the report.
QString describeGraphics(QQuickWindow *window);

double milliseconds(Clock::duration duration);
double median(std::vector<double> values);
/// The value at or below which p (0..1) of the values lie (nearest rank).
double percentile(std::vector<double> values, double p);
/// /proc/loadavg's first three figures, so a run on a busy machine can be spotted.
QString loadAverage();
/// Peak resident set size of this process (VmHWM), in KiB; -1 if unknown.
qint64 peakRssKiB();

} // namespace QuickBench

} // namespace doorstep

#include "screencheck.h"

#include "models/pseudotranslator.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>
#include <QRegularExpression>

namespace doorstep
{

namespace
{

bool inherits(const QObject *object, const char *className)
{
    return object->inherits(className);
}

bool isShown(const QQuickItem *item)
{
    return item->isVisible() && item->opacity() > 0.01;
}

// "familyPage/timescalesCard/QQuickText": the named ancestors, then the item itself.
QString pathOf(const QQuickItem *item, const QQuickItem *root)
{
    QStringList names;
    for (const QQuickItem *i = item; i && i != root; i = i->parentItem()) {
        if (!i->objectName().isEmpty())
            names.prepend(i->objectName());
    }
    if (item->objectName().isEmpty())
        names.append(QString::fromLatin1(item->metaObject()->className()));
    return names.join(QLatin1Char('/'));
}

template <typename Visit> void walk(QQuickItem *item, const Visit &visit)
{
    if (!item || !isShown(item))
        return;
    visit(item);
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *child : children)
        walk(child, visit);
}

QString plainText(const QQuickItem *text)
{
    QString value = text->property("text").toString();
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    value.remove(tags);
    return value;
}

// Only static texts: what the user types into fields is case data by definition.
bool isStaticText(const QQuickItem *item)
{
    return inherits(item, "QQuickText");
}

} // namespace

ScreenCheck::ScreenCheck(QQmlEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_pseudo(std::make_unique<PseudoTranslator>())
{
    // Month and day names come from the locale, not from qsTr.
    const QLocale locale;
    for (int i = 1; i <= 12; ++i) {
        addDataText(locale.monthName(i, QLocale::LongFormat));
        addDataText(locale.monthName(i, QLocale::ShortFormat));
    }
    for (int i = 1; i <= 7; ++i) {
        addDataText(locale.dayName(i, QLocale::LongFormat));
        addDataText(locale.dayName(i, QLocale::ShortFormat));
    }
}

ScreenCheck::~ScreenCheck()
{
    if (m_pseudoInstalled)
        QCoreApplication::removeTranslator(m_pseudo.get());
}

QString ScreenCheck::mode() const
{
    return qEnvironmentVariable("DOORSTEP_SCREEN_CHECK");
}

void ScreenCheck::addDataText(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}]+"));
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    for (const QString &word : words)
        m_dataWords.insert(word.toCaseFolded());
}

void ScreenCheck::addDataTexts(const QStringList &texts)
{
    for (const QString &text : texts)
        addDataText(text);
}

void ScreenCheck::setPseudoTranslation(bool on)
{
    if (on == m_pseudoInstalled)
        return;
    if (on)
        QCoreApplication::installTranslator(m_pseudo.get());
    else
        QCoreApplication::removeTranslator(m_pseudo.get());
    m_pseudoInstalled = on;
    m_engine->retranslate();
}

bool ScreenCheck::isDataWord(const QString &word) const
{
    return m_dataWords.contains(word.toCaseFolded());
}

QStringList ScreenCheck::untranslatedTexts(QQuickItem *root) const
{
    // Innermost first: a translated sentence can hold translated parts ("%1, on %2").
    static const QRegularExpression pseudo(QStringLiteral("\u27e6[^\u27e6\u27e7]*\u27e7"));
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}]+"));
    QStringList found;
    walk(root, [&](QQuickItem *item) {
        if (!isStaticText(item))
            return;
        const QString text = plainText(item);
        QString rest = text;
        for (qsizetype before = -1; before != rest.size();) {
            before = rest.size();
            rest.remove(pseudo);
        }
        const QStringList words = rest.split(separators, Qt::SkipEmptyParts);
        for (const QString &word : words) {
            if (!isDataWord(word)) {
                found << QStringLiteral("%1: %2").arg(pathOf(item, root), text);
                return;
            }
        }
    });
    return found;
}

QStringList ScreenCheck::clippedTexts(QQuickItem *root) const
{
    QStringList found;
    const qreal rootWidth = root->width();
    walk(root, [&](QQuickItem *item) {
        if (!isStaticText(item) || plainText(item).trimmed().isEmpty())
            return;
        const QString where = pathOf(item, root);
        const QString text = plainText(item);
        if (item->property("truncated").toBool()) {
            found << QStringLiteral("%1 is cut short: %2").arg(where, text);
            return;
        }
        // A text that does not wrap or elide spills over whatever is beside it.
        const bool wraps = item->property("wrapMode").toInt() != 0;
        if (!wraps && item->width() > 0 && item->implicitWidth() > item->width() + 1) {
            found << QStringLiteral("%1 runs past its width (%2 > %3): %4")
                         .arg(where)
                         .arg(item->implicitWidth())
                         .arg(item->width())
                         .arg(text);
            return;
        }
        const QRectF scene = item->mapRectToItem(root, QRectF(0, 0, item->width(), 0));
        if (scene.left() < -1 || scene.right() > rootWidth + 1)
            found << QStringLiteral("%1 is off the screen: %2").arg(where, text);
    });
    return found;
}

QVariantMap ScreenCheck::geometry(QQuickItem *root) const
{
    QVariantMap rects;
    walk(root, [&](QQuickItem *item) {
        // Repeaters and other zero-size helpers have no place on the screen to mirror.
        if (item == root || item->objectName().isEmpty() || item->width() <= 0
            || item->height() <= 0)
            return;
        // Inside an item marked `keepsItsPlace` (a drawing, a keypad) nothing is meant to
        // change sides; the marked item itself still is.
        for (QQuickItem *above = item->parentItem(); above && above != root;
             above = above->parentItem()) {
            if (above->property("keepsItsPlace").toBool())
                return;
        }
        QString key = pathOf(item, root);
        // Repeated delegates share a name: number them in tree order.
        for (int n = 2; rects.contains(key); ++n)
            key = QStringLiteral("%1#%2").arg(pathOf(item, root)).arg(n);
        rects.insert(key, item->mapRectToItem(root, QRectF(0, 0, item->width(), item->height())));
    });
    return rects;
}

QStringList ScreenCheck::mirrorMismatches(
    const QVariantMap &plain, const QVariantMap &mirrored, qreal width) const
{
    constexpr qreal Tolerance = 2.0;
    QStringList found;
    for (auto it = plain.cbegin(); it != plain.cend(); ++it) {
        if (!mirrored.contains(it.key()))
            continue;
        const QRectF before = it.value().toRectF();
        const QRectF after = mirrored.value(it.key()).toRectF();
        const qreal expectedX = width - before.x() - before.width();
        if (qAbs(after.x() - expectedX) > Tolerance || qAbs(after.y() - before.y()) > Tolerance
            || qAbs(after.width() - before.width()) > Tolerance) {
            found << QStringLiteral("%1: x %2 y %3 w %4 -> x %5 y %6 w %7 (expected x %8)")
                         .arg(it.key())
                         .arg(before.x())
                         .arg(before.y())
                         .arg(before.width())
                         .arg(after.x())
                         .arg(after.y())
                         .arg(after.width())
                         .arg(expectedX);
        }
    }
    return found;
}

} // namespace doorstep

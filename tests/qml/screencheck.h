#pragma once

#include <QObject>
#include <QQuickItem>
#include <QSet>
#include <QStringList>
#include <QVariantMap>

class QQmlEngine;

namespace doorstep
{

class PseudoTranslator;

/// Checks a rendered screen for what a translator or a right-to-left reader would find
/// wrong: text that skipped qsTr, text cut short, and layouts that do not mirror.
class ScreenCheck : public QObject
{
    Q_OBJECT
    /// What the screen tour does besides saving screenshots: "" (nothing), "pseudo"
    /// (check translation and clipping) or "rtl" (check mirroring), from the environment
    /// variable DOORSTEP_SCREEN_CHECK.
    Q_PROPERTY(QString mode READ mode CONSTANT)

public:
    explicit ScreenCheck(QQmlEngine *engine, QObject *parent = nullptr);
    ~ScreenCheck() override;

    QString mode() const;

    /// Words of case data (names, places) that may appear untranslated.
    void addDataText(const QString &text);
    Q_INVOKABLE void addDataTexts(const QStringList &texts);

    /// Installs (or removes) the pseudo-translation and retranslates every qsTr binding.
    Q_INVOKABLE void setPseudoTranslation(bool on);

    /// Visible texts under root with words that are neither pseudo-translated nor case
    /// data nor numbers: "objectPath: text" each.
    Q_INVOKABLE QStringList untranslatedTexts(QQuickItem *root) const;
    /// Visible texts under root that are elided or run past their own width without
    /// wrapping: "objectPath: text" each.
    Q_INVOKABLE QStringList clippedTexts(QQuickItem *root) const;
    /// Scene rectangles of the visible items under root that have an objectName, keyed by
    /// their objectName path, in root's coordinates.
    /// Items inside one with a `keepsItsPlace: true` property are left out: what lies in
    /// a drawing or a keypad keeps its place in a right-to-left language.
    Q_INVOKABLE QVariantMap geometry(QQuickItem *root) const;
    /// Items whose rectangle in `mirrored` is not the horizontal mirror of the one in
    /// `plain` across a root of the given width: "objectPath: plain -> mirrored" each.
    Q_INVOKABLE QStringList mirrorMismatches(
        const QVariantMap &plain, const QVariantMap &mirrored, qreal width) const;

private:
    bool isDataWord(const QString &word) const;

    QQmlEngine *m_engine;
    std::unique_ptr<PseudoTranslator> m_pseudo;
    bool m_pseudoInstalled = false;
    QSet<QString> m_dataWords;
};

} // namespace doorstep

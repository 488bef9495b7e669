#pragma once

#include "documents/lettertochilddocument.h"
#include "domain/threehouses.h"
#include "store/change.h"

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

class Session;

/// One child's three houses, for the pages the child draws on and the practitioner's view
/// of them. Holds the child's first name and age and the houses, nothing else of the
/// family: child mode shows only what this object gives it.
///
/// Houses are addressed by kind: 0 worries, 1 good things, 2 dreams (House::Kind). A house
/// canvas shows strokes(kind), and tells this object each stroke it finishes, erases or
/// brings back, by the canvas's stroke id: ids 0..n-1 are the strokes strokes(kind) gave,
/// in that order, and each new stroke is the next. Every stroke is stored at once as its
/// own record (killing the app loses at most the stroke being drawn); erasing is a
/// tombstone and bringing back a restore, so two tablets never conflict over a drawing.
class ThreeHousesController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString personId READ personId WRITE setPersonId NOTIFY personIdChanged)
    /// Drawn, written and placed by the child (child mode) or by the practitioner.
    Q_PROPERTY(bool byChild READ byChild WRITE setByChild NOTIFY byChildChanged)
    Q_PROPERTY(bool found READ isFound NOTIFY housesChanged)
    Q_PROPERTY(QString childName READ childName NOTIFY housesChanged) ///< first name
    Q_PROPERTY(int childAge READ childAge NOTIFY housesChanged) ///< -1 when not known
    /// The three houses in order, each a map: kind, drawingId, name (as the child calls it,
    /// or the usual name), usualName, renamed (bool), symbol (a sticker name or ""),
    /// shareAllowed, strokeCount, stickers (list of { id, sticker, x, y, size }), words (list
    /// of { id, words, byChild, prompt, writtenAt }).
    Q_PROPERTY(QVariantList houses READ houses NOTIFY housesChanged)
    /// The stickers a child may place or pick as a symbol (asset names).
    Q_PROPERTY(QStringList stickerNames READ stickerNames CONSTANT)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(QString defaultExportFolder READ defaultExportFolder CONSTANT)

public:
    explicit ThreeHousesController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString personId() const { return m_personId; }
    void setPersonId(const QString &personId);
    bool byChild() const { return m_byChild; }
    void setByChild(bool byChild);
    bool isFound() const { return m_found; }
    QString childName() const { return m_childName; }
    int childAge() const { return m_childAge; }
    QVariantList houses() const;
    static QStringList stickerNames();
    QString errorString() const { return m_errorString; }

    /// The strokes of a house for InkCanvas.strokes: maps { points, pressures, color, width }.
    /// For a canvas that only shows them.
    Q_INVOKABLE QVariantList strokes(int kind) const;
    /// The same, for the one canvas that draws in the house: it numbers its strokes from 0
    /// again, and so does this object for that house from now on. Call it each time that
    /// canvas is given the house's strokes.
    Q_INVOKABLE QVariantList drawingStrokes(int kind);
    /// Stores a stroke the canvas finished (InkCanvas.strokeFinished's arguments).
    Q_INVOKABLE bool addStroke(int kind, int strokeId, const QVariantList &points,
        const QColor &color, qreal width, const QVariantList &pressures);
    /// The canvas erased a stroke (tombstone) or brought one back (restore).
    Q_INVOKABLE bool eraseStroke(int kind, int strokeId);
    Q_INVOKABLE bool restoreStroke(int kind, int strokeId);
    /// Places a sticker (x, y its centre, 0..1 of the house; size a fraction of its width).
    Q_INVOKABLE bool placeSticker(int kind, const QString &sticker, qreal x, qreal y, qreal size);
    Q_INVOKABLE bool removeSticker(int kind, const QString &stickerId);
    /// The child's own words: typed by the child, or scribed by the practitioner (marked as
    /// the child's words written down for them), with the question asked, if any.
    Q_INVOKABLE bool addWords(int kind, const QString &words, bool scribed, const QString &prompt);
    Q_INVOKABLE bool rename(int kind, const QString &name);
    Q_INVOKABLE bool chooseSymbol(int kind, const QString &symbol);
    /// The child's choice of whether the house may be shared; every export respects it.
    Q_INVOKABLE bool setShareAllowed(int kind, bool allowed);

    /// The letter to the child, as preview pages (PNG data URLs, made in memory) of
    /// pageWidth pixels, with the practitioner's message. Empty, with errorString, if it
    /// cannot be made.
    Q_INVOKABLE QStringList letterPreview(const QString &message, int pageWidth);
    /// Writes the letter as a PDF into folder ("Letter for <child> <date>.pdf", numbered
    /// rather than replacing a file). Returns the path, or empty with errorString.
    Q_INVOKABLE QString saveLetter(const QString &message, const QString &folder);
    /// Saves a house the child agreed to share, as a PNG (`format` "png", 2,400 pixels square:
    /// 20 cm at 300 dpi) or a one-page PDF ("pdf", vector), into folder ("<Family> <house>
    /// <child> <date>"). A house the child keeps private is not saved: empty, with
    /// errorString saying so. Returns the path written.
    Q_INVOKABLE QString saveHouse(int kind, const QString &format, const QString &folder);
    static QString defaultExportFolder();

    Q_INVOKABLE void reload();
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void sessionChanged();
    void personIdChanged();
    void byChildChanged();
    void housesChanged();
    void errorChanged();
    /// Strokes of a house arrived by another route (a sync): a canvas shows strokes(kind)
    /// again.
    void strokesReloaded(int kind);

private:
    struct HouseState {
        House house;
        QStringList strokeRecordIds; // by canvas stroke id
    };

    /// Reads the child and the houses; keepCanvasIds keeps each house's canvas-to-record
    /// mapping (after this object's own write), which a full reload starts again.
    void load(bool keepCanvasIds);
    void onRecordsChanged(const QStringList &kinds);
    HouseState *stateOf(int kind);
    bool write(const QList<doorstep::Change> &changes);
    void setError(const QString &message);
    LetterToChildDocument letter(const QString &message) const;

    QPointer<Session> m_session;
    QString m_personId;
    bool m_byChild = false;
    bool m_found = false;
    QString m_childName;
    int m_childAge = -1;
    QString m_familyId;
    QString m_familyName;
    QList<HouseState> m_houses;
    QString m_errorString;
    bool m_writing = false;
};

} // namespace doorstep

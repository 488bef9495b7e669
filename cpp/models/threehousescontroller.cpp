#include "models/threehousescontroller.h"

#include "documents/documentwriter.h"
#include "documents/housepicture.h"
#include "documents/lettertochilddocument.h"
#include "models/familydocuments.h"
#include "models/session.h"
#include "store/familyrepository.h"
#include "store/personrepository.h"
#include "store/threehouseschanges.h"
#include "store/threehousesrepository.h"

#include <QBuffer>
#include <QDirIterator>
#include <QHash>
#include <QJSValue>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace doorstep
{

namespace
{

constexpr House::Kind Kinds[]
    = { House::Kind::Worries, House::Kind::GoodThings, House::Kind::Dreams };

const QStringList &shownKinds()
{
    static const QStringList kinds { QStringLiteral("drawing"), QStringLiteral("stroke"),
        QStringLiteral("house_words"), QStringLiteral("sticker"), QStringLiteral("person") };
    return kinds;
}

QVariant plain(const QVariant &value)
{
    return value.metaType() == QMetaType::fromType<QJSValue>() ? value.value<QJSValue>().toVariant()
                                                               : value;
}

// Points from the canvas (QPointF, or { x, y } from JavaScript); nothing when one is not a
// point, so a damaged stroke is refused rather than stored bent.
std::optional<QList<QPointF>> pointsFrom(const QVariantList &list)
{
    QList<QPointF> points;
    points.reserve(list.size());
    for (const QVariant &entry : list) {
        const QVariant value = plain(entry);
        if (value.metaType() == QMetaType::fromType<QPointF>()) {
            points.append(value.toPointF());
            continue;
        }
        const QVariantMap map = value.toMap();
        bool xOk = false;
        bool yOk = false;
        const double x = map.value(QStringLiteral("x")).toDouble(&xOk);
        const double y = map.value(QStringLiteral("y")).toDouble(&yOk);
        if (!xOk || !yOk)
            return std::nullopt;
        points.append(QPointF(x, y));
    }
    return points;
}

QList<double> numbersFrom(const QVariantList &list)
{
    QList<double> numbers;
    for (const QVariant &entry : list)
        numbers.append(plain(entry).toDouble());
    return numbers;
}

} // namespace

ThreeHousesController::ThreeHousesController(QObject *parent)
    : QObject(parent)
{
}

void ThreeHousesController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &ThreeHousesController::reload);
        connect(
            m_session, &Session::recordsChanged, this, &ThreeHousesController::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void ThreeHousesController::setPersonId(const QString &personId)
{
    if (m_personId == personId)
        return;
    m_personId = personId;
    Q_EMIT personIdChanged();
    reload();
}

void ThreeHousesController::setByChild(bool byChild)
{
    if (m_byChild == byChild)
        return;
    m_byChild = byChild;
    Q_EMIT byChildChanged();
}

QStringList ThreeHousesController::stickerNames()
{
    static const QStringList names = [] {
        QStringList found;
        QDirIterator it(QStringLiteral(":/doorstep/assets/stickers"), { QStringLiteral("*.svg") });
        while (it.hasNext())
            found << it.nextFileInfo().completeBaseName();
        // The order a child sees them in: warm things first, as the art was drawn.
        static const QStringList order { QStringLiteral("sun"), QStringLiteral("heart"),
            QStringLiteral("star"), QStringLiteral("flower"), QStringLiteral("tree"),
            QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("ball"),
            QStringLiteral("book"), QStringLiteral("home"), QStringLiteral("happy"),
            QStringLiteral("sad"), QStringLiteral("cloud"), QStringLiteral("cross") };
        std::sort(found.begin(), found.end(), [](const QString &a, const QString &b) {
            const qsizetype ia = order.indexOf(a);
            const qsizetype ib = order.indexOf(b);
            if (ia != ib)
                return (ia < 0 ? order.size() : ia) < (ib < 0 ? order.size() : ib);
            return a < b;
        });
        return found;
    }();
    return names;
}

QVariantList ThreeHousesController::houses() const
{
    QVariantList list;
    for (const HouseState &state : m_houses) {
        const House &house = state.house;
        QVariantList stickers;
        for (const PlacedSticker &sticker : house.stickers)
            stickers.append(QVariantMap { { QStringLiteral("id"), sticker.id },
                { QStringLiteral("sticker"), sticker.sticker }, { QStringLiteral("x"), sticker.x },
                { QStringLiteral("y"), sticker.y }, { QStringLiteral("size"), sticker.size } });
        QVariantList words;
        for (const HouseWords &said : house.words)
            words.append(QVariantMap { { QStringLiteral("id"), said.id },
                { QStringLiteral("words"), said.words },
                { QStringLiteral("byChild"), said.writtenBy == HouseWords::WrittenBy::Child },
                { QStringLiteral("prompt"), said.prompt },
                { QStringLiteral("writtenAt"),
                    QLocale().toString(said.writtenAt.toLocalTime(), QLocale::ShortFormat) } });
        list.append(QVariantMap { { QStringLiteral("kind"), int(house.kind) },
            { QStringLiteral("drawingId"), house.drawingId },
            { QStringLiteral("name"), HousePicture::displayName(house) },
            { QStringLiteral("usualName"), HousePicture::usualName(house.kind) },
            { QStringLiteral("renamed"), !house.name.isEmpty() },
            { QStringLiteral("symbol"), house.symbol },
            { QStringLiteral("shareAllowed"), house.shareAllowed },
            { QStringLiteral("strokeCount"), int(house.strokes.size()) },
            { QStringLiteral("stickers"), stickers }, { QStringLiteral("words"), words } });
    }
    return list;
}

QVariantList ThreeHousesController::drawingStrokes(int kind)
{
    HouseState *state = stateOf(kind);
    if (!state)
        return {};
    state->strokeRecordIds.clear();
    for (const Stroke &stroke : state->house.strokes)
        state->strokeRecordIds.append(stroke.id);
    return strokes(kind);
}

QVariantList ThreeHousesController::strokes(int kind) const
{
    QVariantList list;
    const HouseState *state = nullptr;
    for (const HouseState &one : m_houses) {
        if (int(one.house.kind) == kind)
            state = &one;
    }
    if (!state)
        return list;
    for (const Stroke &stroke : state->house.strokes) {
        QVariantList points;
        points.reserve(stroke.points.size());
        for (const QPointF &point : stroke.points)
            points.append(point);
        QVariantList pressures;
        for (double pressure : stroke.pressures)
            pressures.append(pressure);
        const QColor colour(stroke.colour);
        list.append(QVariantMap { { QStringLiteral("points"), points },
            { QStringLiteral("pressures"), pressures },
            { QStringLiteral("color"), colour.isValid() ? colour : QColor(Qt::black) },
            { QStringLiteral("width"), stroke.width } });
    }
    return list;
}

bool ThreeHousesController::addStroke(int kind, int strokeId, const QVariantList &points,
    const QColor &color, qreal width, const QVariantList &pressures)
{
    HouseState *state = stateOf(kind);
    if (!state || !m_session)
        return false;
    // The canvas numbers its strokes in order: one missed would shift every later id.
    if (strokeId != state->strokeRecordIds.size()) {
        setError(tr("This drawing is out of step with what is saved; it was read again."));
        reload();
        Q_EMIT strokesReloaded(kind);
        return false;
    }
    const auto parsed = pointsFrom(points);
    if (!parsed) {
        setError(tr("A line could not be saved: its points are not points."));
        return false;
    }
    auto change = ThreeHousesChanges::stroke(state->house.drawingId, *parsed,
        numbersFrom(pressures), color.name(QColor::HexRgb), width, m_byChild, m_session->now());
    if (!change) {
        setError(tr("A line could not be saved: %1").arg(change.error().message));
        return false;
    }
    m_writing = true;
    auto ids = m_session->apply(*change);
    m_writing = false;
    if (!ids) {
        setError(tr("A line could not be saved: %1").arg(ids.error().message));
        return false;
    }
    state->strokeRecordIds.append(*ids);
    Stroke kept;
    kept.id = *ids;
    kept.drawingId = state->house.drawingId;
    kept.points = *parsed;
    kept.pressures = numbersFrom(pressures);
    kept.colour = color.name(QColor::HexRgb);
    kept.width = width;
    state->house.strokes.append(kept);
    Q_EMIT housesChanged();
    return true;
}

bool ThreeHousesController::eraseStroke(int kind, int strokeId)
{
    HouseState *state = stateOf(kind);
    if (!state || strokeId < 0 || strokeId >= state->strokeRecordIds.size())
        return false;
    return write({ Change::remove(QStringLiteral("stroke"), state->strokeRecordIds.at(strokeId)) });
}

bool ThreeHousesController::restoreStroke(int kind, int strokeId)
{
    HouseState *state = stateOf(kind);
    if (!state || strokeId < 0 || strokeId >= state->strokeRecordIds.size())
        return false;
    return write(
        { Change::restore(QStringLiteral("stroke"), state->strokeRecordIds.at(strokeId)) });
}

bool ThreeHousesController::placeSticker(
    int kind, const QString &sticker, qreal x, qreal y, qreal size)
{
    HouseState *state = stateOf(kind);
    if (!state || !m_session)
        return false;
    if (!stickerNames().contains(sticker)) {
        setError(tr("There is no sticker called \"%1\".").arg(sticker));
        return false;
    }
    if (!std::isfinite(x) || !std::isfinite(y) || !std::isfinite(size)) {
        setError(tr("The sticker could not be placed there."));
        return false;
    }
    PlacedSticker placed { {}, state->house.drawingId, sticker, x, y, size, m_byChild,
        m_session->now() };
    return write({ ThreeHousesChanges::sticker(placed) });
}

bool ThreeHousesController::removeSticker(int kind, const QString &stickerId)
{
    HouseState *state = stateOf(kind);
    if (!state)
        return false;
    const bool here = std::any_of(state->house.stickers.cbegin(), state->house.stickers.cend(),
        [&](const PlacedSticker &sticker) { return sticker.id == stickerId; });
    if (!here)
        return false;
    return write({ Change::remove(QStringLiteral("sticker"), stickerId) });
}

bool ThreeHousesController::addWords(
    int kind, const QString &words, bool scribed, const QString &prompt)
{
    HouseState *state = stateOf(kind);
    if (!state || !m_session)
        return false;
    if (words.trimmed().isEmpty()) {
        setError(tr("There are no words to keep yet."));
        return false;
    }
    return write({ ThreeHousesChanges::words(state->house.drawingId, words.trimmed(),
        scribed ? HouseWords::WrittenBy::PractitionerScribing : HouseWords::WrittenBy::Child,
        prompt, m_session->now()) });
}

bool ThreeHousesController::rename(int kind, const QString &name)
{
    HouseState *state = stateOf(kind);
    return state && write({ ThreeHousesChanges::rename(state->house.drawingId, name) });
}

bool ThreeHousesController::chooseSymbol(int kind, const QString &symbol)
{
    HouseState *state = stateOf(kind);
    if (!state)
        return false;
    if (!symbol.isEmpty() && !stickerNames().contains(symbol)) {
        setError(tr("There is no sticker called \"%1\".").arg(symbol));
        return false;
    }
    return write({ ThreeHousesChanges::chooseSymbol(state->house.drawingId, symbol) });
}

bool ThreeHousesController::setShareAllowed(int kind, bool allowed)
{
    HouseState *state = stateOf(kind);
    return state && write({ ThreeHousesChanges::share(state->house.drawingId, allowed) });
}

LetterToChildDocument ThreeHousesController::letter(const QString &message) const
{
    LetterToChildDocument document;
    document.childFirstName = m_childName;
    if (m_childAge >= 0)
        document.childAge = m_childAge;
    document.writtenOn = m_session ? m_session->today() : QDate::currentDate();
    document.message = message;
    if (m_session && m_session->store())
        document.practitionerName
            = FamilyDocuments::practitionerName(*m_session->store(), m_familyId);
    document.serviceName = FamilyDocuments::serviceName();
    document.familyName = m_familyName;
    for (const HouseState &state : m_houses)
        document.houses.append(state.house);
    return document;
}

QStringList ThreeHousesController::letterPreview(const QString &message, int pageWidth)
{
    if (!m_found) {
        setError(tr("The child's houses are not open."));
        return {};
    }
    auto pages = DocumentWriter::letterToChildPages(letter(message), pageWidth);
    if (!pages) {
        setError(pages.error().message);
        return {};
    }
    // Data URLs, made in memory: the preview never touches the disk.
    QStringList urls;
    for (const QImage &page : std::as_const(*pages)) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        page.save(&buffer, "PNG");
        urls << QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
    }
    clearError();
    return urls;
}

QString ThreeHousesController::saveLetter(const QString &message, const QString &folder)
{
    if (!m_found) {
        setError(tr("Nothing was saved: the child's houses are not open."));
        return {};
    }
    const LetterToChildDocument document = letter(message);
    auto pdf = DocumentWriter::letterToChildPdf(document);
    if (!pdf) {
        setError(pdf.error().message);
        return {};
    }
    //: Part of the file name, "Okafor letter for Mia 2026-03-12.pdf".
    const QString name = FamilyDocuments::fileName(
        m_familyName, tr("letter for %1").arg(m_childName), document.writtenOn);
    auto saved = FamilyDocuments::saveBytes(folder, name, *pdf);
    if (!saved) {
        setError(saved.error().message);
        return {};
    }
    clearError();
    return *saved;
}

QString ThreeHousesController::saveHouse(int kind, const QString &format, const QString &folder)
{
    HouseState *state = stateOf(kind);
    if (!state || !m_session) {
        setError(tr("Nothing was saved: the child's houses are not open."));
        return {};
    }
    const House &house = state->house;
    if (!house.shareAllowed) {
        setError(tr("Nothing was saved: %1 chose to keep this house private.").arg(m_childName));
        return {};
    }
    const bool asPdf = format == QLatin1String("pdf");
    if (!asPdf && format != QLatin1String("png")) {
        setError(tr("Nothing was saved: a house is saved as \"png\" or \"pdf\", not \"%1\".")
                     .arg(format));
        return {};
    }
    const QDate today = m_session->today();
    const QString byline = m_childAge >= 0
        //: Under a house's name in its PDF: "By Mia, 7, on 12 March 2026".
        ? tr("By %1, %2, on %3")
              .arg(m_childName)
              .arg(m_childAge)
              .arg(QLocale().toString(today, QLocale::LongFormat))
        : tr("By %1, on %2").arg(m_childName, QLocale().toString(today, QLocale::LongFormat));
    auto bytes = asPdf ? HousePicture::pdf(house, byline) : HousePicture::png(house, 2400);
    if (!bytes) {
        setError(bytes.error().message);
        return {};
    }
    //: Part of the file name, "Ashdown House of dreams Mia 2026-03-12.pdf".
    QString name = FamilyDocuments::fileName(
        m_familyName, tr("%1 %2").arg(HousePicture::displayName(house), m_childName), today);
    if (!asPdf)
        name = name.left(name.size() - 4) + QStringLiteral(".png");
    auto saved = FamilyDocuments::saveBytes(folder, name, *bytes);
    if (!saved) {
        setError(saved.error().message);
        return {};
    }
    clearError();
    return *saved;
}

QString ThreeHousesController::defaultExportFolder()
{
    return FamilyDocuments::defaultFolder();
}

void ThreeHousesController::reload()
{
    load(false);
}

void ThreeHousesController::load(bool keepCanvasIds)
{
    QHash<int, QStringList> canvasIds;
    if (keepCanvasIds) {
        for (const HouseState &state : std::as_const(m_houses))
            canvasIds.insert(int(state.house.kind), state.strokeRecordIds);
    }
    const bool wasFound = m_found;
    m_found = false;
    m_houses.clear();
    m_childName.clear();
    m_childAge = -1;
    m_familyId.clear();
    m_familyName.clear();
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || m_personId.isEmpty()) {
        if (wasFound)
            Q_EMIT housesChanged();
        return;
    }
    auto person = PersonRepository(*store).find(m_personId);
    if (!person || !*person) {
        setError(person ? tr("This child is no longer on this tablet.") : person.error().message);
        Q_EMIT housesChanged();
        return;
    }
    m_childName = (*person)->givenName;
    m_childAge = (*person)->ageOn(m_session->today()).value_or(-1);
    m_familyId = (*person)->familyId;
    if (auto family = FamilyRepository(*store).find(m_familyId); family && *family)
        m_familyName = (*family)->familyName;

    auto read = ThreeHousesRepository(*store).forChild(m_personId);
    if (!read) {
        setError(read.error().message);
        Q_EMIT housesChanged();
        return;
    }
    // Houses not started on this tablet are started now; ids made from the child's id mean
    // another tablet starting them too makes the same records, which merge.
    QList<House::Kind> missing;
    for (const House::Kind kind : Kinds) {
        if (!read->house(kind))
            missing << kind;
    }
    if (!missing.isEmpty()) {
        m_writing = true;
        auto started = m_session->apply(
            ThreeHousesChanges::start(m_familyId, m_personId, missing, m_session->now()));
        m_writing = false;
        if (!started) {
            setError(started.error().message);
            Q_EMIT housesChanged();
            return;
        }
        read = ThreeHousesRepository(*store).forChild(m_personId);
        if (!read) {
            setError(read.error().message);
            Q_EMIT housesChanged();
            return;
        }
    }
    for (const House::Kind kind : Kinds) {
        if (const House *house = read->house(kind)) {
            HouseState state { *house, {} };
            if (keepCanvasIds && canvasIds.contains(int(kind))) {
                state.strokeRecordIds = canvasIds.value(int(kind));
            } else {
                for (const Stroke &stroke : house->strokes)
                    state.strokeRecordIds.append(stroke.id);
            }
            m_houses.append(state);
        }
    }
    m_found = m_houses.size() == 3;
    Q_EMIT housesChanged();
}

void ThreeHousesController::onRecordsChanged(const QStringList &kinds)
{
    // This object's own strokes are already on its canvases; reading them back would undo
    // the canvas's history. Anything else (a sync, another page) is read again.
    if (m_writing || !Session::touches(kinds, shownKinds()))
        return;
    // A canvas is shown its strokes again only when they differ from what it shows.
    const auto shown = [](const House &house) {
        QStringList ids;
        for (const Stroke &stroke : house.strokes)
            ids << stroke.id;
        return ids;
    };
    QHash<int, QStringList> before;
    for (const HouseState &state : std::as_const(m_houses))
        before.insert(int(state.house.kind), shown(state.house));
    reload();
    for (const HouseState &state : std::as_const(m_houses)) {
        const int kind = int(state.house.kind);
        if (before.contains(kind) && before.value(kind) != shown(state.house))
            Q_EMIT strokesReloaded(kind);
    }
}

ThreeHousesController::HouseState *ThreeHousesController::stateOf(int kind)
{
    for (HouseState &state : m_houses) {
        if (int(state.house.kind) == kind)
            return &state;
    }
    return nullptr;
}

bool ThreeHousesController::write(const QList<Change> &changes)
{
    if (!m_session) {
        setError(tr("Doorstep is locked; nothing was saved."));
        return false;
    }
    m_writing = true;
    auto ids = m_session->apply(changes);
    m_writing = false;
    if (!ids) {
        setError(ids.error().message);
        return false;
    }
    clearError();
    // Read again what this changed, keeping which record each canvas stroke is.
    load(true);
    return true;
}

void ThreeHousesController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

void ThreeHousesController::clearError()
{
    setError({});
}

} // namespace doorstep

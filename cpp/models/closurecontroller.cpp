#include "models/closurecontroller.h"

#include "documents/documentwriter.h"
#include "models/casetext.h"
#include "models/familydocuments.h"
#include "store/caseloadrepository.h"
#include "store/closurerepository.h"
#include "store/familyrepository.h"
#include "store/personrepository.h"
#include "store/planrepository.h"

namespace doorstep
{

namespace
{

const QString CardKind = QStringLiteral("crisis_card");
const QString LetterKind = QStringLiteral("ending_letter");
const QString Maintenance = QStringLiteral("maintenance");

bool affectsEnding(const QStringList &kinds)
{
    static const QStringList relevant { QStringLiteral("family"), QStringLiteral("person"),
        QStringLiteral("allocation"), QStringLiteral("plan"), QStringLiteral("goal"),
        QStringLiteral("closure"), CardKind, LetterKind };
    return Session::touches(kinds, relevant);
}

} // namespace

ClosureController::ClosureController(QObject *parent)
    : QObject(parent)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(Session::SaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, [this] { saveNow(); });
}

ClosureController::~ClosureController()
{
    if (!m_cardDirty.isEmpty() || !m_letterDirty.isEmpty())
        saveNow();
}

void ClosureController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::aboutToLock, this, [this] { saveNow(); });
        connect(m_session, &Session::unlockedChanged, this, &ClosureController::reload);
        connect(m_session, &Session::recordsChanged, this, &ClosureController::onRecordsChanged);
    }
    Q_EMIT sessionChanged();
    reload();
}

void ClosureController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    saveNow();
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    clear();
    reload();
}

void ClosureController::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_stale)
        reload();
}

QVariantList ClosureController::outcomeChoices() const
{
    QVariantList list;
    if (m_stage == Stage::Closed)
        return list;
    QStringList values { QStringLiteral("stepped_down"), QStringLiteral("stepped_up"),
        QStringLiteral("closed") };
    if (m_stage == Stage::Open)
        values.prepend(Maintenance);
    for (const QString &value : values)
        list.append(QVariantMap { { QStringLiteral("value"), value },
            { QStringLiteral("text"), CaseText::closureOutcomeName(value) } });
    return list;
}

void ClosureController::setOutcome(const QString &outcome)
{
    if (m_outcome == outcome)
        return;
    m_outcome = outcome;
    Q_EMIT draftChanged();
}

void ClosureController::setReason(const QString &reason)
{
    if (m_reason == reason)
        return;
    m_reason = reason;
    Q_EMIT draftChanged();
}

QString ClosureController::outcomeText() const
{
    return m_outcome.isEmpty() ? QString() : CaseText::closureOutcomeName(m_outcome);
}

bool ClosureController::canClose() const
{
    if (!m_found || m_stage == Stage::Closed || m_reason.trimmed().isEmpty())
        return false;
    for (const QVariant &choice : outcomeChoices()) {
        if (choice.toMap().value(QStringLiteral("value")).toString() == m_outcome)
            return true;
    }
    return false;
}

QString ClosureController::closeHint() const
{
    if (!m_found || m_stage == Stage::Closed || canClose())
        return {};
    if (m_outcome.isEmpty())
        return tr("Choose how the case ends.");
    return tr("Write the reason for closing the case.");
}

QString ClosureController::crisisCardWarning() const
{
    if (!m_found || m_stage == Stage::Closed)
        return {};
    if (m_card.warningSigns.trimmed().isEmpty() && m_card.whatToDo.trimmed().isEmpty()
        && m_card.whoToCall.trimmed().isEmpty())
        return tr("There is no crisis card yet. Make one with the family before the case "
                  "closes, so they know the warning signs and who to call.");
    return {};
}

QString ClosureController::crisisCardMadeOnText() const
{
    return m_card.madeOn.isValid() && !m_card.id.isEmpty()
        ? tr("Made on %1").arg(CaseText::date(m_card.madeOn))
        : QString();
}

QString ClosureController::letterWrittenOnText() const
{
    return m_letter.writtenOn.isValid() && !m_letter.id.isEmpty()
        ? tr("Written on %1").arg(CaseText::date(m_letter.writtenOn))
        : QString();
}

bool ClosureController::canUseAchievedGoals() const
{
    return !m_achievedGoals.isEmpty() && m_letter.progress.trimmed().isEmpty();
}

void ClosureController::markDirty(QSet<QString> &dirty, const QString &field)
{
    dirty.insert(field);
    setSaveState(tr("Saving…"));
    m_saveTimer.start();
}

void ClosureController::setCardText(
    QString CrisisCard::*member, const char *field, const QString &text)
{
    if (!m_found || m_card.*member == text)
        return;
    m_card.*member = text;
    markDirty(m_cardDirty, QString::fromLatin1(field));
    Q_EMIT cardChanged();
}

void ClosureController::setLetterText(
    QString EndingLetter::*member, const char *field, const QString &text)
{
    if (!m_found || m_letter.*member == text)
        return;
    m_letter.*member = text;
    markDirty(m_letterDirty, QString::fromLatin1(field));
    Q_EMIT letterChanged();
}

void ClosureController::setWarningSigns(const QString &text)
{
    setCardText(&CrisisCard::warningSigns, "warning_signs", text);
}

void ClosureController::setWhatToDo(const QString &text)
{
    setCardText(&CrisisCard::whatToDo, "what_to_do", text);
}

void ClosureController::setWhoToCall(const QString &text)
{
    setCardText(&CrisisCard::whoToCall, "who_to_call", text);
}

void ClosureController::setAddressedTo(const QString &text)
{
    setLetterText(&EndingLetter::addressedTo, "addressed_to", text);
}

void ClosureController::setProgress(const QString &text)
{
    setLetterText(&EndingLetter::progress, "progress", text);
}

void ClosureController::setWhereToGetHelp(const QString &text)
{
    setLetterText(&EndingLetter::whereToGetHelp, "where_to_get_help", text);
}

void ClosureController::useAchievedGoals()
{
    if (!canUseAchievedGoals())
        return;
    QStringList lines { tr("What you have achieved together:") };
    for (const QString &goal : std::as_const(m_achievedGoals))
        lines << tr("• %1").arg(goal);
    setProgress(lines.join(QLatin1Char('\n')));
}

bool ClosureController::saveNow()
{
    m_saveTimer.stop();
    const bool nothingDirty = m_cardDirty.isEmpty() && m_letterDirty.isEmpty();
    if (nothingDirty || !m_session || !m_session->isUnlocked() || !m_found)
        return nothingDirty;
    const QDate today = m_session->today();

    const auto cardValue = [this](const QString &field) {
        if (field == QLatin1String("warning_signs"))
            return m_card.warningSigns;
        if (field == QLatin1String("what_to_do"))
            return m_card.whatToDo;
        return m_card.whoToCall;
    };
    const auto letterValue = [this](const QString &field) {
        if (field == QLatin1String("addressed_to"))
            return m_letter.addressedTo;
        if (field == QLatin1String("progress"))
            return m_letter.progress;
        return m_letter.whereToGetHelp;
    };
    // The first change makes the record, dated today; an empty box saves no record.
    const auto change = [this](const QString &kind, const QString &id, const QSet<QString> &dirty,
                            const auto &value, QList<FieldValue> created) -> std::optional<Change> {
        QList<FieldValue> fields;
        bool anyText = false;
        for (const QString &field : dirty) {
            fields.append({ field, value(field) });
            anyText = anyText || !value(field).trimmed().isEmpty();
        }
        if (!id.isEmpty())
            return Change::update(kind, id, fields);
        if (!anyText)
            return std::nullopt;
        fields.append({ QStringLiteral("family_id"), m_familyId });
        fields += created;
        return Change::create(kind, fields);
    };

    QList<Change> changes;
    int cardIndex = -1;
    int letterIndex = -1;
    if (!m_cardDirty.isEmpty()) {
        if (auto c = change(CardKind, m_card.id, m_cardDirty, cardValue,
                { { QStringLiteral("made_on"), today } })) {
            cardIndex = int(changes.size());
            changes.append(*c);
        }
    }
    if (!m_letterDirty.isEmpty()) {
        if (auto c = change(LetterKind, m_letter.id, m_letterDirty, letterValue,
                { { QStringLiteral("written_on"), today },
                    { QStringLiteral("author_id"), m_session->store()->userId() } })) {
            letterIndex = int(changes.size());
            changes.append(*c);
        }
    }
    if (!changes.isEmpty()) {
        auto ids = m_session->apply(changes);
        if (!ids) {
            // Everything typed stays here and is tried again on the next change.
            setError(ids.error().message);
            setSaveState(tr("Not saved"));
            return false;
        }
        if (cardIndex >= 0 && m_card.id.isEmpty()) {
            m_card.id = ids->at(cardIndex);
            m_card.madeOn = today;
        }
        if (letterIndex >= 0 && m_letter.id.isEmpty()) {
            m_letter.id = ids->at(letterIndex);
            m_letter.writtenOn = today;
        }
    }
    m_cardDirty.clear();
    m_letterDirty.clear();
    setError({});
    setSaveState(tr("Saved"));
    Q_EMIT cardChanged();
    Q_EMIT letterChanged();
    return true;
}

bool ClosureController::close()
{
    saveNow();
    if (!canClose()) {
        setError(closeHint());
        return false;
    }
    auto closed = m_session->apply(Change::create(QStringLiteral("closure"),
        { { QStringLiteral("family_id"), m_familyId },
            { QStringLiteral("closed_on"), m_session->today() },
            { QStringLiteral("outcome"), m_outcome }, { QStringLiteral("reason"), m_reason } }));
    if (!closed) {
        setError(closed.error().message);
        return false;
    }
    setError({});
    m_outcome.clear();
    m_reason.clear();
    Q_EMIT draftChanged();
    reload();
    return true;
}

void ClosureController::onRecordsChanged(const QStringList &kinds)
{
    if (!affectsEnding(kinds))
        return;
    if (m_active)
        reload();
    else
        m_stale = true;
}

void ClosureController::clear()
{
    m_saveTimer.stop();
    m_found = false;
    m_familyName.clear();
    m_caseStart = {};
    m_stage = Stage::Open;
    m_stageText.clear();
    m_closures.clear();
    m_achievedGoals.clear();
    m_outcome.clear();
    m_reason.clear();
    m_card = {};
    m_letter = {};
    m_cardDirty.clear();
    m_letterDirty.clear();
    setSaveState({});
}

void ClosureController::reload()
{
    m_stale = false;
    Store *store = m_session ? m_session->store() : nullptr;
    const auto publish = [this] {
        Q_EMIT caseChanged();
        Q_EMIT draftChanged();
        Q_EMIT cardChanged();
        Q_EMIT letterChanged();
    };
    if (!store || m_familyId.isEmpty()) {
        // Locked: nothing of the family stays in memory, typed or not.
        clear();
        publish();
        setError({});
        return;
    }
    const auto fail = [this, &publish](const Error &error) {
        clear();
        publish();
        setError(error.message);
    };
    auto family = FamilyRepository(*store).find(m_familyId);
    if (!family)
        return fail(family.error());
    if (!family->has_value())
        return fail(makeError(Error::Code::NotFound,
            tr("This family is no longer on this tablet. It may have been deleted or moved "
               "to another practitioner.")));
    auto calendar = WorkingCalendar::englandAndWales();
    if (!calendar)
        return fail(calendar.error());
    auto entry = CaseloadRepository(*store, Timescales(*calendar)).forFamily(m_familyId);
    if (!entry)
        return fail(entry.error());
    const QDate caseStart = *entry ? (*entry)->allocatedOn : QDate();
    ClosureRepository endings(*store);
    auto closures = endings.closures(m_familyId, caseStart);
    if (!closures)
        return fail(closures.error());
    auto card = endings.crisisCard(m_familyId, caseStart);
    if (!card)
        return fail(card.error());
    auto letter = endings.endingLetter(m_familyId, caseStart);
    if (!letter)
        return fail(letter.error());
    auto people = PersonRepository(*store).forFamily(m_familyId);
    if (!people)
        return fail(people.error());
    PlanRepository plans(*store);
    auto plan = plans.current(m_familyId, caseStart);
    if (!plan)
        return fail(plan.error());
    QList<Goal> goals;
    if (*plan) {
        auto read = plans.goals((*plan)->id);
        if (!read)
            return fail(read.error());
        goals = *read;
    }

    m_found = true;
    m_familyName = (*family)->familyName;
    m_caseStart = caseStart;
    m_stage = Stage::Open;
    m_closures.clear();
    for (const Closure &closure : std::as_const(*closures)) {
        m_closures.append(
            QVariantMap { { QStringLiteral("text"), CaseText::closureSentence(closure) },
                { QStringLiteral("reason"), closure.reason } });
        if (closure.outcome != Maintenance)
            m_stage = Stage::Closed;
        else if (m_stage == Stage::Open)
            m_stage = Stage::Maintenance;
    }
    m_stageText = CaseText::caseStageSentence(*closures);
    if (m_stageText.isEmpty())
        //: The stage of a case that has not been closed.
        m_stageText = tr("Open");

    QHash<QString, QString> names;
    for (const Person &person : std::as_const(*people))
        names.insert(person.id, person.givenName);
    m_achievedGoals.clear();
    for (const Goal &goal : std::as_const(goals)) {
        if (goal.status != QLatin1String("achieved"))
            continue;
        const QString words = goal.words.simplified();
        m_achievedGoals << (names.contains(goal.personId)
                ? tr("%1: %2").arg(names.value(goal.personId), words)
                : tr("The whole family: %1").arg(words));
    }

    // What is typed and not yet saved stays on top of what the store holds.
    const CrisisCard typedCard = m_card;
    m_card = card->value_or(CrisisCard {});
    if (m_cardDirty.contains(QStringLiteral("warning_signs")))
        m_card.warningSigns = typedCard.warningSigns;
    if (m_cardDirty.contains(QStringLiteral("what_to_do")))
        m_card.whatToDo = typedCard.whatToDo;
    if (m_cardDirty.contains(QStringLiteral("who_to_call")))
        m_card.whoToCall = typedCard.whoToCall;
    const EndingLetter typedLetter = m_letter;
    m_letter = letter->value_or(EndingLetter {});
    if (m_letterDirty.contains(QStringLiteral("addressed_to")))
        m_letter.addressedTo = typedLetter.addressedTo;
    if (m_letterDirty.contains(QStringLiteral("progress")))
        m_letter.progress = typedLetter.progress;
    if (m_letterDirty.contains(QStringLiteral("where_to_get_help")))
        m_letter.whereToGetHelp = typedLetter.whereToGetHelp;
    if (m_stage == Stage::Closed) {
        m_outcome.clear();
        m_reason.clear();
    }
    publish();
}

std::optional<CrisisCard> ClosureController::crisisCard()
{
    saveNow();
    if (m_card.id.isEmpty())
        return std::nullopt;
    return m_card;
}

std::optional<EndingLetter> ClosureController::endingLetter()
{
    saveNow();
    if (m_letter.id.isEmpty())
        return std::nullopt;
    return m_letter;
}

QString ClosureController::defaultExportFolder()
{
    return FamilyDocuments::defaultFolder();
}

QString ClosureController::exportCrisisCardPdf(const QString &folder)
{
    // A save that failed has said why; there is nothing newer to put in the copy.
    if (!saveNow())
        return {};
    const auto card = crisisCard();
    if (!card || !m_session) {
        setError(tr("There is no crisis card to save yet: write it with the family first."));
        return {};
    }
    const CrisisCardDocument document = FamilyDocuments::crisisCard(*card, m_familyName);
    //: Part of the file name, "Ashdown crisis card 2026-11-23.pdf".
    const QString name
        = FamilyDocuments::fileName(m_familyName, tr("crisis card"), m_session->today());
    auto saved = FamilyDocuments::save(folder, name,
        [&](const QString &path) { return DocumentWriter::writeCrisisCard(document, path); });
    if (!saved) {
        setError(saved.error().message);
        return {};
    }
    setError({});
    return *saved;
}

QString ClosureController::exportEndingLetterPdf(const QString &folder)
{
    // A save that failed has said why; there is nothing newer to put in the copy.
    if (!saveNow())
        return {};
    const auto letter = endingLetter();
    Store *store = m_session ? m_session->store() : nullptr;
    if (!letter || !store) {
        setError(tr("There is no ending letter to save yet: write it first."));
        return {};
    }
    const EndingLetterDocument document = FamilyDocuments::endingLetter(*letter, m_familyName,
        m_achievedGoals, FamilyDocuments::practitionerName(*store, m_familyId));
    //: Part of the file name, "Ashdown ending letter 2026-11-23.pdf".
    const QString name
        = FamilyDocuments::fileName(m_familyName, tr("ending letter"), m_session->today());
    auto saved = FamilyDocuments::save(folder, name,
        [&](const QString &path) { return DocumentWriter::writeEndingLetter(document, path); });
    if (!saved) {
        setError(saved.error().message);
        return {};
    }
    setError({});
    return *saved;
}

void ClosureController::setSaveState(const QString &state)
{
    if (m_saveState == state)
        return;
    m_saveState = state;
    Q_EMIT saveStateChanged();
}

void ClosureController::setError(const QString &message)
{
    if (m_errorString == message)
        return;
    m_errorString = message;
    Q_EMIT errorChanged();
}

} // namespace doorstep

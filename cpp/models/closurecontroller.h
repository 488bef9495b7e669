#pragma once

#include "domain/crisiscard.h"
#include "domain/endingletter.h"
#include "models/session.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <optional>

namespace doorstep
{

/// The end of a family's case behind ClosurePage: the crisis card made with the family and
/// the ending letter (both saved as typed within half a second), and the closure itself,
/// stepped up, stepped down, into maintenance or closed, with a reason. Closing is an
/// explicit command dated today; it needs a reason and warns when there is no crisis card.
class ClosureController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)

    Q_PROPERTY(bool found READ isFound NOTIFY caseChanged)
    Q_PROPERTY(QString familyName READ familyName NOTIFY caseChanged)
    Q_PROPERTY(doorstep::ClosureController::Stage stage READ stage NOTIFY caseChanged)
    /// "Open", "In maintenance since 12 Mar 2026", "Stepped down to universal services on …".
    Q_PROPERTY(QString stageText READ stageText NOTIFY caseChanged)
    /// The case's closures so far, oldest first: [{ text, reason }].
    Q_PROPERTY(QVariantList closures READ closures NOTIFY caseChanged)
    /// How the case can end from here: [{ value, text }]; no maintenance once in it.
    Q_PROPERTY(QVariantList outcomeChoices READ outcomeChoices NOTIFY caseChanged)

    /// The closure being decided: an outcome value and the reason, until close().
    Q_PROPERTY(QString outcome READ outcome WRITE setOutcome NOTIFY draftChanged)
    Q_PROPERTY(QString reason READ reason WRITE setReason NOTIFY draftChanged)
    /// The chosen outcome in words, "Into maintenance"; empty until one is chosen.
    Q_PROPERTY(QString outcomeText READ outcomeText NOTIFY draftChanged)
    Q_PROPERTY(bool canClose READ canClose NOTIFY draftChanged)
    /// What is missing before the case can close; empty when it can (or is closed).
    Q_PROPERTY(QString closeHint READ closeHint NOTIFY draftChanged)
    /// Set while the case is not closed for good and no crisis card has been written.
    Q_PROPERTY(QString crisisCardWarning READ crisisCardWarning NOTIFY cardChanged)

    Q_PROPERTY(QString warningSigns READ warningSigns WRITE setWarningSigns NOTIFY cardChanged)
    Q_PROPERTY(QString whatToDo READ whatToDo WRITE setWhatToDo NOTIFY cardChanged)
    Q_PROPERTY(QString whoToCall READ whoToCall WRITE setWhoToCall NOTIFY cardChanged)
    /// "Made on 12 Mar 2026", or empty before the card is saved.
    Q_PROPERTY(QString crisisCardMadeOnText READ crisisCardMadeOnText NOTIFY cardChanged)

    Q_PROPERTY(QString addressedTo READ addressedTo WRITE setAddressedTo NOTIFY letterChanged)
    Q_PROPERTY(QString progress READ progress WRITE setProgress NOTIFY letterChanged)
    Q_PROPERTY(
        QString whereToGetHelp READ whereToGetHelp WRITE setWhereToGetHelp NOTIFY letterChanged)
    Q_PROPERTY(QString letterWrittenOnText READ letterWrittenOnText NOTIFY letterChanged)
    /// The plan's achieved goals, "Jan: I go to school every day.", to start the letter from.
    Q_PROPERTY(QStringList achievedGoals READ achievedGoals NOTIFY caseChanged)
    /// There are achieved goals and the progress is still empty.
    Q_PROPERTY(bool canUseAchievedGoals READ canUseAchievedGoals NOTIFY letterChanged)

    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    /// False while the page is covered: records written then are read once it shows again.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    /// Where the family's copies are saved unless the practitioner chooses another folder.
    Q_PROPERTY(QString defaultExportFolder READ defaultExportFolder CONSTANT)

public:
    enum class Stage {
        Open, ///< casework
        Maintenance, ///< closed into maintenance, with maintenance reviews due
        Closed, ///< closed for good: stepped up, stepped down or closed
    };
    Q_ENUM(Stage)

    explicit ClosureController(QObject *parent = nullptr);
    ~ClosureController() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);

    bool isFound() const { return m_found; }
    QString familyName() const { return m_familyName; }
    Stage stage() const { return m_stage; }
    QString stageText() const { return m_stageText; }
    QVariantList closures() const { return m_closures; }
    QVariantList outcomeChoices() const;

    QString outcome() const { return m_outcome; }
    void setOutcome(const QString &outcome);
    QString reason() const { return m_reason; }
    void setReason(const QString &reason);
    QString outcomeText() const;
    bool canClose() const;
    QString closeHint() const;
    QString crisisCardWarning() const;

    QString warningSigns() const { return m_card.warningSigns; }
    void setWarningSigns(const QString &text);
    QString whatToDo() const { return m_card.whatToDo; }
    void setWhatToDo(const QString &text);
    QString whoToCall() const { return m_card.whoToCall; }
    void setWhoToCall(const QString &text);
    QString crisisCardMadeOnText() const;

    QString addressedTo() const { return m_letter.addressedTo; }
    void setAddressedTo(const QString &text);
    QString progress() const { return m_letter.progress; }
    void setProgress(const QString &text);
    QString whereToGetHelp() const { return m_letter.whereToGetHelp; }
    void setWhereToGetHelp(const QString &text);
    QString letterWrittenOnText() const;
    QStringList achievedGoals() const { return m_achievedGoals; }
    bool canUseAchievedGoals() const;

    QString saveState() const { return m_saveState; }
    QString errorString() const { return m_errorString; }
    bool isActive() const { return m_active; }
    void setActive(bool active);

    /// Closes the case today with the chosen outcome and reason. False (with errorString)
    /// when it cannot; a missing crisis card warns but does not stop it.
    Q_INVOKABLE bool close();
    /// Starts the letter's progress from the achieved goals, when it is still empty.
    Q_INVOKABLE void useAchievedGoals();
    Q_INVOKABLE bool saveNow();
    Q_INVOKABLE void reload();

    /// The crisis card and ending letter as saved, for the documents given to the family;
    /// each saves what is typed first. Empty when there is none.
    std::optional<CrisisCard> crisisCard();
    std::optional<EndingLetter> endingLetter();

    static QString defaultExportFolder();
    /// Save the crisis card or ending letter as saved, for the family, as PDF in `folder`,
    /// named "<Family> crisis card <date>.pdf" and so on (numbered rather than replacing a
    /// file). Return the path written, or empty with errorString saying why nothing was.
    Q_INVOKABLE QString exportCrisisCardPdf(const QString &folder);
    Q_INVOKABLE QString exportEndingLetterPdf(const QString &folder);

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void caseChanged();
    void draftChanged();
    void cardChanged();
    void letterChanged();
    void saveStateChanged();
    void errorChanged();
    void activeChanged();

private:
    void onRecordsChanged(const QStringList &kinds);
    void clear();
    void setCardText(QString CrisisCard::*member, const char *field, const QString &text);
    void setLetterText(QString EndingLetter::*member, const char *field, const QString &text);
    void markDirty(QSet<QString> &dirty, const QString &field);
    void setSaveState(const QString &state);
    void setError(const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    bool m_active = true;
    bool m_stale = false;

    bool m_found = false;
    QString m_familyName;
    QDate m_caseStart;
    Stage m_stage = Stage::Open;
    QString m_stageText;
    QVariantList m_closures;
    QStringList m_achievedGoals;

    QString m_outcome;
    QString m_reason;

    CrisisCard m_card;
    EndingLetter m_letter;
    QSet<QString> m_cardDirty;
    QSet<QString> m_letterDirty;

    QString m_saveState;
    QString m_errorString;
    QTimer m_saveTimer;
};

} // namespace doorstep

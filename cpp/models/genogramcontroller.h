#pragma once

#include "genogram/genogramscene.h"
#include "store/change.h"
#include "store/familygenogram.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <functional>
#include <memory>
#include <utility>

namespace doorstep
{

class Session;

/// A family's genogram and ecomap, drawn with the family: the page's controller. Reads them
/// from the store into its scene (which a GenogramView draws) and makes every edit a change
/// to the store at once, so nothing drawn is lost to a flat battery. Each edit can be taken
/// back (undo) and done again (redo); an edit that breaks a rule (a third birth parent,
/// someone their own ancestor) is refused with a sentence in errorString and nothing is
/// written.
///
/// People come in two sorts: the family's members (from the family record: their name,
/// gender and date of birth are edited there, and they cannot be taken off the genogram) and
/// extended family added here (grandparents, aunts, a father who lives elsewhere).
class GenogramController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    Q_PROPERTY(doorstep::GenogramScene *scene READ scene CONSTANT)
    Q_PROPERTY(bool found READ isFound NOTIFY loaded)
    Q_PROPERTY(QString familyName READ familyName NOTIFY loaded)
    /// Everyone on the genogram, by name: maps { id, name, fromFamilyRecord }.
    Q_PROPERTY(QVariantList people READ people NOTIFY loaded)
    /// Lines hidden or doubtful (to someone deleted on another tablet, a third birth
    /// parent...), each a sentence saying what to do.
    Q_PROPERTY(QStringList issues READ issues NOTIFY loaded)
    /// The ecomap's links: maps { id, agency, agencyLabel, name, personId, personName,
    /// strength, note }.
    Q_PROPERTY(QVariantList links READ links NOTIFY loaded)
    /// The kinds of service a link can be to: maps { name, label }.
    Q_PROPERTY(QVariantList agencies READ agencies CONSTANT)
    /// The types a line drawn between two people can have: maps { name, label, kind }.
    Q_PROPERTY(QVariantList lineTypes READ lineTypes CONSTANT)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY historyChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY historyChanged)
    /// What undo would take back: "Undo adding Grandma Rose".
    Q_PROPERTY(QString undoText READ undoText NOTIFY historyChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY historyChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorChanged)
    Q_PROPERTY(QString defaultExportFolder READ defaultExportFolder CONSTANT)

public:
    explicit GenogramController(QObject *parent = nullptr);
    ~GenogramController() override;

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    GenogramScene *scene() const { return m_scene.get(); }
    bool isFound() const { return m_found; }
    QString familyName() const { return m_familyName; }
    QVariantList people() const;
    QStringList issues() const;
    QVariantList links() const;
    static QVariantList agencies();
    bool canUndo() const { return !m_undo.isEmpty(); }
    bool canRedo() const { return !m_redo.isEmpty(); }
    QString undoText() const;
    QString redoText() const;
    QString errorString() const { return m_errorString; }
    static QString defaultExportFolder();

    /// A person's details: { id, name, givenName, familyName, gender ("female", "male",
    /// "unknown"), born, died (partial dates: "1962", "1962-07", "1962-07-14"), deceased,
    /// ageText, isIndex, interpreterNeeded, pregnancy, note, pinned, fromFamilyRecord,
    /// parents, partners, children (counts) }; empty for no such person.
    Q_INVOKABLE QVariantMap person(const QString &personId) const;
    /// A line's details: { id, kind ("partner", "parent", "twin", "emotional"), type,
    /// typeLabel, types (maps { name, label } of its kind), fromId, fromName, toId, toName,
    /// start, end, note }; empty for no such line.
    Q_INVOKABLE QVariantMap relation(const QString &relationId) const;
    static QVariantList lineTypes();
    Q_INVOKABLE QVariantMap link(const QString &linkId) const;

    /// Adds someone to the genogram beside @p personId: `relationship` is "parent",
    /// "partner", "child" or "sibling"; @p gender "female", "male" or "unknown". A child
    /// hangs from the person and their present partner, a sibling from the person's parents
    /// (refused, saying so, when there are none yet). Returns the new person's id, or empty.
    Q_INVOKABLE QString addRelative(const QString &personId, const QString &relationship,
        const QString &givenName, const QString &gender);
    /// Changes a person: a map with any of person()'s editable keys. For a family member
    /// only the genogram's own details change (deceased, died, ageText, isIndex,
    /// interpreterNeeded, pregnancy, note).
    Q_INVOKABLE bool savePerson(const QString &personId, const QVariantMap &details);
    /// Takes someone added here off the genogram, with every line to them.
    Q_INVOKABLE bool removePerson(const QString &personId);
    /// Keeps a person's symbol where it was dragged (layout units), or lets the layout
    /// place it again.
    Q_INVOKABLE bool pin(const QString &personId, qreal x, qreal y);
    Q_INVOKABLE bool unpin(const QString &personId);

    /// Draws a line between two people (any of lineTypes()); returns its id, or empty.
    Q_INVOKABLE QString addLine(const QString &fromId, const QString &toId, const QString &type);
    /// Sets a line's type within its kind: married to divorced, close to conflict...
    Q_INVOKABLE bool setRelationType(const QString &relationId, const QString &type);
    /// Changes a line's dates (partial dates) and note: a map with start, end, note.
    Q_INVOKABLE bool saveRelation(const QString &relationId, const QVariantMap &details);
    Q_INVOKABLE bool removeRelation(const QString &relationId);

    /// Whether the person lives in the family's household (the outline on the genogram).
    Q_INVOKABLE bool livesInHousehold(const QString &personId) const;
    Q_INVOKABLE bool setLivesInHousehold(const QString &personId, bool lives);

    /// Links the family (or one member, @p personId) to a service: agency as agencies()
    /// names it, strength "strong", "weak" or "stressful". Returns its id, or empty.
    Q_INVOKABLE QString addLink(const QString &agency, const QString &name, const QString &personId,
        const QString &strength, const QString &note);
    /// Changes a link: a map with any of agency, name, personId, strength, note.
    Q_INVOKABLE bool saveLink(const QString &linkId, const QVariantMap &details);
    Q_INVOKABLE bool removeLink(const QString &linkId);

    Q_INVOKABLE bool undo();
    Q_INVOKABLE bool redo();

    /// Saves the genogram (`what` "genogram") or the ecomap ("ecomap") as "svg" or "pdf"
    /// into folder. Returns the path, or empty with errorString.
    Q_INVOKABLE QString saveExport(
        const QString &what, const QString &format, const QString &folder);

    Q_INVOKABLE void reload();
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void loaded();
    void historyChanged();
    void errorChanged();

private:
    /// An edit and how to take it back: each gives the changes to apply at once, worked
    /// out when it is applied.
    struct Step {
        QString text;
        std::function<QList<Change>()> redo;
        std::function<QList<Change>()> undo;
    };

    void load(bool keepPlaces);
    void onRecordsChanged(const QStringList &kinds);
    bool apply(const QList<Change> &changes);
    /// Applies @p changes, then records the step.
    bool edit(const QString &text, const QList<Change> &changes,
        const std::function<QList<Change>()> &undo, const std::function<QList<Change>()> &redo);
    /// A record made by @p created, undone by @p remove and redone by @p restore.
    bool editCreate(const QString &text, const Result<Change> &created, const Change &remove,
        const Change &restore);
    /// A record saved as @p after, undone by saving it as @p before.
    bool editSave(const QString &text, const Result<Change> &after, const Result<Change> &before);
    /// edit() whose undo and redo are the same changes whenever they are applied.
    bool editFixed(const QString &text, const QList<Change> &changes, const QList<Change> &undo,
        const QList<Change> &redo);
    /// Applies the last step of @p from (its undo or redo) and moves it to @p to.
    bool travel(QList<Step> &from, QList<Step> &to, std::function<QList<Change>()> Step::*changes);
    /// Changes people, each (before, after), as one step.
    bool editPeople(
        const QString &text, const QList<std::pair<GenogramPerson, GenogramPerson>> &edits);
    bool editRelation(
        const QString &text, const GenogramRelation &before, const GenogramRelation &after);
    const GenogramHousehold *familyHousehold() const;
    QString nameOf(const QString &personId) const;
    const EcomapLink *linkOf(const QString &linkId) const;
    bool refuse(const QString &message);
    void setError(const QString &message);

    QPointer<Session> m_session;
    QString m_familyId;
    std::unique_ptr<GenogramScene> m_scene;
    FamilyGenogram m_current;
    bool m_found = false;
    QString m_familyName;
    QList<Step> m_undo;
    QList<Step> m_redo;
    QString m_errorString;
    bool m_writing = false;
};

} // namespace doorstep

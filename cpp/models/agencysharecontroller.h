#pragma once

#include "models/session.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// Sharing a family's information with an agency from the app: checks consent for the
/// chosen agency as the practitioner chooses it, and writes the share (AgencyShare) into
/// a folder, or refuses, naming who lacks consent and why.
class AgencyShareController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(doorstep::Session *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(QString familyId READ familyId WRITE setFamilyId NOTIFY familyIdChanged)
    /// An agency key; empty until one is chosen.
    Q_PROPERTY(QString agency READ agency WRITE setAgency NOTIFY agencyChanged)
    /// Where shares are written: the practitioner's choice, by default defaultFolder.
    Q_PROPERTY(QString folder READ folder WRITE setFolder NOTIFY folderChanged)
    /// Documents/Doorstep shares, created when first used.
    Q_PROPERTY(QString defaultFolder READ defaultFolder CONSTANT)
    Q_PROPERTY(QVariantList agencyChoices READ agencyChoices CONSTANT)

    /// Whether everyone in the family has valid consent for the agency today.
    Q_PROPERTY(bool allowed READ isAllowed NOTIFY checkChanged)
    /// The check in a sentence: who may be shared about, or that someone may not.
    Q_PROPERTY(QString checkText READ checkText NOTIFY checkChanged)
    /// Each person not covered, and why, a sentence each.
    Q_PROPERTY(QStringList problems READ problems NOTIFY checkChanged)

    /// Why the last share() wrote nothing; empty after one that wrote.
    Q_PROPERTY(QString shareError READ shareError NOTIFY shareChanged)
    /// The file the last share() wrote; empty after one that refused.
    Q_PROPERTY(QString sharedFile READ sharedFile NOTIFY shareChanged)

public:
    explicit AgencyShareController(QObject *parent = nullptr);

    Session *session() const { return m_session; }
    void setSession(Session *session);
    QString familyId() const { return m_familyId; }
    void setFamilyId(const QString &familyId);
    QString agency() const { return m_agency; }
    void setAgency(const QString &agency);
    QString folder() const { return m_folder; }
    void setFolder(const QString &folder);
    static QString defaultFolder();
    QVariantList agencyChoices() const;

    bool isAllowed() const { return m_allowed; }
    QString checkText() const { return m_checkText; }
    QStringList problems() const { return m_problems; }
    QString shareError() const { return m_shareError; }
    QString sharedFile() const { return m_sharedFile; }

    /// Checks consent again, as of now, and writes the share for the agency into folder
    /// as "<family>-<agency>-<date>.json" (numbered if that exists). False, with
    /// shareError naming who lacks consent and why, when nothing was written.
    Q_INVOKABLE bool share();
    Q_INVOKABLE void clearResult();
    Q_INVOKABLE void recheck();

Q_SIGNALS:
    void sessionChanged();
    void familyIdChanged();
    void agencyChanged();
    void folderChanged();
    void checkChanged();
    void shareChanged();

private:
    void setResult(const QString &error, const QString &file);

    QPointer<Session> m_session;
    QString m_familyId;
    QString m_agency;
    QString m_folder;
    bool m_allowed = false;
    QString m_checkText;
    QStringList m_problems;
    QString m_shareError;
    QString m_sharedFile;
};

} // namespace doorstep

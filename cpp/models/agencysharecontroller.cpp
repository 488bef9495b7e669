#include "models/agencysharecontroller.h"

#include "models/consenttext.h"
#include "store/agencyshare.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace doorstep
{

namespace
{

// Letters and digits of the family's name, for a file name that says whose share it is
// without characters a file system or a mail client may refuse.
QString fileStem(const QString &familyName)
{
    QString stem;
    for (const QChar c : familyName.toLower()) {
        if (c.isLetterOrNumber())
            stem += c;
        else if (!stem.isEmpty() && !stem.endsWith(QLatin1Char('-')))
            stem += QLatin1Char('-');
    }
    while (stem.endsWith(QLatin1Char('-')))
        stem.chop(1);
    return stem.isEmpty() ? QStringLiteral("family") : stem;
}

} // namespace

AgencyShareController::AgencyShareController(QObject *parent)
    : QObject(parent)
    , m_folder(defaultFolder())
{
}

void AgencyShareController::setSession(Session *session)
{
    if (m_session == session)
        return;
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    if (m_session) {
        connect(m_session, &Session::unlockedChanged, this, &AgencyShareController::recheck);
        connect(m_session, &Session::recordsChanged, this, [this](const QStringList &kinds) {
            if (kinds.contains(QStringLiteral("consent"))
                || kinds.contains(QStringLiteral("person")))
                recheck();
        });
    }
    Q_EMIT sessionChanged();
    recheck();
}

void AgencyShareController::setFamilyId(const QString &familyId)
{
    if (m_familyId == familyId)
        return;
    m_familyId = familyId;
    Q_EMIT familyIdChanged();
    clearResult();
    recheck();
}

void AgencyShareController::setAgency(const QString &agency)
{
    if (m_agency == agency)
        return;
    m_agency = agency;
    Q_EMIT agencyChanged();
    clearResult();
    recheck();
}

void AgencyShareController::setFolder(const QString &folder)
{
    if (m_folder == folder)
        return;
    m_folder = folder;
    Q_EMIT folderChanged();
}

QString AgencyShareController::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
        .filePath(QStringLiteral("Doorstep shares"));
}

QVariantList AgencyShareController::agencyChoices() const
{
    return ConsentText::agencyChoices();
}

void AgencyShareController::recheck()
{
    bool allowed = false;
    QString text;
    QStringList problems;
    Store *store = m_session ? m_session->store() : nullptr;
    if (store && !m_familyId.isEmpty() && !m_agency.isEmpty()) {
        auto check = AgencyShare::check(*store, m_familyId, m_agency, m_session->today());
        const QString name = ConsentText::agencyName(m_agency);
        if (!check) {
            text = check.error().message;
        } else if (check->people.isEmpty()) {
            text = tr("Nothing can be shared with %1: the family has no members recorded, so "
                      "there is no one's consent to share on.")
                       .arg(name);
        } else if (check->allowed()) {
            allowed = true;
            text = tr("Everyone in the family has valid consent to share with %1.").arg(name);
        } else {
            text = tr("Nothing can be shared with %1 until everyone in the family has valid "
                      "consent:")
                       .arg(name);
            for (const SharingConsent::Gap &gap : std::as_const(check->gaps))
                problems << ConsentText::gap(gap, m_agency);
        }
    }
    if (allowed == m_allowed && text == m_checkText && problems == m_problems)
        return;
    m_allowed = allowed;
    m_checkText = text;
    m_problems = problems;
    Q_EMIT checkChanged();
}

bool AgencyShareController::share()
{
    Store *store = m_session ? m_session->store() : nullptr;
    if (!store || m_familyId.isEmpty()) {
        setResult(tr("Nothing was shared: the family is not open. Unlock Doorstep and open "
                     "the family again."),
            {});
        return false;
    }
    if (m_agency.isEmpty()) {
        setResult(tr("Choose the agency to share with."), {});
        return false;
    }
    // Checked again now: consent may have been withdrawn since the dialog opened.
    recheck();
    auto check = AgencyShare::check(*store, m_familyId, m_agency, m_session->today());
    if (!check) {
        setResult(check.error().message, {});
        return false;
    }
    if (!check->allowed()) {
        QStringList why;
        if (check->people.isEmpty())
            why << m_checkText;
        else
            //: The reasons, a person each, follow on the next lines.
            why << tr("Nothing was shared with %1, because not everyone in the family has "
                      "valid consent:")
                       .arg(ConsentText::agencyName(m_agency))
                << m_problems;
        setResult(why.join(QLatin1Char('\n')), {});
        return false;
    }

    const QString folder = m_folder.trimmed();
    if (folder.isEmpty()) {
        setResult(tr("Choose the folder to save the share in."), {});
        return false;
    }
    // The default folder is made on first use; a folder typed by hand must exist, so a
    // slip of the finger does not scatter family data into a new folder somewhere.
    if (QDir::cleanPath(folder) == QDir::cleanPath(defaultFolder()))
        QDir().mkpath(folder);
    if (!QFileInfo(folder).isDir()) {
        setResult(tr("Nothing was shared: the folder %1 does not exist.").arg(folder), {});
        return false;
    }
    const QString stem = QStringLiteral("%1-%2-%3")
                             .arg(fileStem(check->family.familyName), m_agency,
                                 m_session->today().toString(Qt::ISODate));
    const QJsonObject document = AgencyShare::document(*check, store->userId());
    for (int attempt = 1; attempt < 100; ++attempt) {
        const QString name = attempt == 1 ? stem + QStringLiteral(".json")
                                          : QStringLiteral("%1-%2.json").arg(stem).arg(attempt);
        const QString path = QDir(folder).filePath(name);
        auto written = AgencyShare::writeAndRecord(document, path, m_session->now(),
            [this](const Change &change) { return m_session->apply(change); });
        if (written) {
            setResult({}, path);
            return true;
        }
        if (written.error().code != Error::Code::AlreadyExists) {
            setResult(written.error().message, {});
            return false;
        }
    }
    setResult(tr("Nothing was shared: the folder %1 already holds too many shares of this "
                 "family for today.")
                  .arg(folder),
        {});
    return false;
}

void AgencyShareController::clearResult()
{
    setResult({}, {});
}

void AgencyShareController::setResult(const QString &error, const QString &file)
{
    if (m_shareError == error && m_sharedFile == file)
        return;
    m_shareError = error;
    m_sharedFile = file;
    Q_EMIT shareChanged();
}

} // namespace doorstep

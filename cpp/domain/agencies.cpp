#include "domain/agencies.h"

#include <QHash>

namespace doorstep
{

const QStringList &Agencies::keys()
{
    // DOMAIN.md: consent to share with named agencies (school, health, police, housing,
    // DWP, …); social care and the voluntary sector are the early-help partners the
    // sources name besides.
    static const QStringList all { QStringLiteral("school"), QStringLiteral("health"),
        QStringLiteral("police"), QStringLiteral("housing"), QStringLiteral("dwp"),
        QStringLiteral("social_care"), QStringLiteral("voluntary_sector") };
    return all;
}

bool Agencies::isKnown(const QString &key)
{
    return keys().contains(key);
}

QStringList Agencies::decode(const QString &stored)
{
    QStringList agencies;
    for (const QString &part : stored.split(QLatin1Char(','))) {
        const QString key = part.trimmed().toLower();
        if (!key.isEmpty() && !agencies.contains(key))
            agencies << key;
    }
    return agencies;
}

QString Agencies::encode(const QStringList &agencies)
{
    QStringList ordered;
    for (const QString &key : keys()) {
        if (agencies.contains(key))
            ordered << key;
    }
    for (const QString &agency : agencies) {
        const QString key = agency.trimmed().toLower();
        if (!key.isEmpty() && !ordered.contains(key))
            ordered << key;
    }
    return ordered.join(QLatin1Char(','));
}

QString Agencies::englishPhrase(const QString &key)
{
    static const QHash<QString, QString> phrases {
        { QStringLiteral("school"), QStringLiteral("the school") },
        { QStringLiteral("health"), QStringLiteral("health services") },
        { QStringLiteral("police"), QStringLiteral("the police") },
        { QStringLiteral("housing"), QStringLiteral("housing services") },
        { QStringLiteral("dwp"), QStringLiteral("the DWP") },
        { QStringLiteral("social_care"), QStringLiteral("social care") },
        { QStringLiteral("voluntary_sector"), QStringLiteral("the voluntary sector") },
    };
    return phrases.value(key, key);
}

} // namespace doorstep

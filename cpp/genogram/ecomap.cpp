#include "genogram/ecomap.h"

#include <array>
#include <utility>

namespace doorstep
{

namespace
{

using Agency = EcomapLink::Agency;
using Strength = EcomapLink::Strength;

// The store's words, in the order a chooser offers them; never change one once records
// carry it.
constexpr std::array<std::pair<Agency, const char *>, 12> agencyNames { {
    { Agency::School, "school" },
    { Agency::Gp, "gp" },
    { Agency::HealthVisitor, "health_visitor" },
    { Agency::Police, "police" },
    { Agency::Housing, "housing" },
    { Agency::Voluntary, "voluntary" },
    { Agency::Employment, "employment" },
    { Agency::SocialCare, "social_care" },
    { Agency::MentalHealth, "mental_health" },
    { Agency::Faith, "faith" },
    { Agency::Friends, "friends" },
    { Agency::Other, "other" },
} };

constexpr std::array<std::pair<Strength, const char *>, 3> strengthNames { {
    { Strength::Strong, "strong" },
    { Strength::Weak, "weak" },
    { Strength::Stressful, "stressful" },
} };

} // namespace

QString EcomapLink::agencyName(Agency agency)
{
    for (const auto &entry : agencyNames) {
        if (entry.first == agency)
            return QString::fromLatin1(entry.second);
    }
    Q_UNREACHABLE();
    return {};
}

QString EcomapLink::strengthName(Strength strength)
{
    for (const auto &entry : strengthNames) {
        if (entry.first == strength)
            return QString::fromLatin1(entry.second);
    }
    Q_UNREACHABLE();
    return {};
}

bool EcomapLink::agencyFromName(const QString &name, Agency *agency)
{
    for (const auto &entry : agencyNames) {
        if (name == QLatin1String(entry.second)) {
            if (agency)
                *agency = entry.first;
            return true;
        }
    }
    return false;
}

bool EcomapLink::strengthFromName(const QString &name, Strength *strength)
{
    for (const auto &entry : strengthNames) {
        if (name == QLatin1String(entry.second)) {
            if (strength)
                *strength = entry.first;
            return true;
        }
    }
    return false;
}

QList<EcomapLink::Agency> EcomapLink::allAgencies()
{
    QList<Agency> all;
    all.reserve(int(agencyNames.size()));
    for (const auto &entry : agencyNames)
        all << entry.first;
    return all;
}

} // namespace doorstep

#pragma once

// The ecomap: the family at the centre, linked to the services and groups around it
// (issue 7). Plain values only; the store keeps one ecomap_links record per link, and
// EcomapLayout places them around the family.

#include <QList>
#include <QString>

namespace doorstep
{

/// One link between the family (or one of its members) and a service or group.
struct EcomapLink {
    /// What kind of service or group: each has its own icon and a translated label.
    enum class Agency {
        School,
        Gp,
        HealthVisitor,
        Police,
        Housing,
        Voluntary,
        Employment,
        SocialCare,
        MentalHealth,
        Faith,
        Friends,
        Other,
    };
    /// How the family feels the link: drawn thick, thin and dashed, or jagged.
    enum class Strength { Strong, Weak, Stressful };

    QString id;
    Agency agency = Agency::Other;
    QString name; ///< "St Mary's Primary", "Dr Khan": what the family calls it
    QString personId; ///< the member the link is with; empty for the whole family
    Strength strength = Strength::Weak;
    QString note;

    /// "school", "gp", "health_visitor", "police", "housing", "voluntary", "employment",
    /// "social_care", "mental_health", "faith", "friends", "other": the store's agency
    /// column.
    static QString agencyName(Agency agency);
    /// "strong", "weak", "stressful": the store's strength column.
    static QString strengthName(Strength strength);
    /// The reverse of agencyName(); false for an unknown word.
    static bool agencyFromName(const QString &name, Agency *agency);
    /// The reverse of strengthName(); false for an unknown word.
    static bool strengthFromName(const QString &name, Strength *strength);
    /// Every agency, in the order a chooser offers them.
    static QList<Agency> allAgencies();

    friend bool operator==(const EcomapLink &a, const EcomapLink &b)
    {
        return a.id == b.id && a.agency == b.agency && a.name == b.name && a.personId == b.personId
            && a.strength == b.strength && a.note == b.note;
    }
};

} // namespace doorstep

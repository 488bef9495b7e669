#include "cli/demodata.h"

#include <QUuid>
#include <array>

namespace doorstep
{

namespace
{

// A small, fully specified generator (splitmix64) so the same seed gives the same
// data with every compiler and standard library.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    {
    }
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return int(next() % quint64(n)); }
    template <typename T, size_t N> const T &pick(const std::array<T, N> &items)
    {
        return items[size_t(below(int(N)))];
    }

private:
    quint64 m_state;
};

constexpr std::array FamilyNames { "Ashdown", "Brightwell", "Carrow", "Dunmore", "Ellery",
    "Fairholme", "Greaves", "Hollins", "Ingram", "Jessop", "Kerridge", "Lowther", "Marlow",
    "Netherby", "Oakden", "Pennock", "Quarry", "Rudd", "Starling", "Thorne", "Underhill", "Varley",
    "Whitlock", "Yardley" };
constexpr std::array AdultNames { "Alex", "Bernie", "Casey", "Dana", "Eden", "Frankie", "Gale",
    "Harper", "Jordan", "Kit", "Lee", "Morgan", "Nico", "Reese", "Sam", "Tanvir", "Uzma", "Wren" };
constexpr std::array ChildNames { "Amber", "Billy", "Cody", "Daisy", "Ellis", "Freya", "Georgie",
    "Hope", "Isla", "Jamie", "Kai", "Lola", "Milo", "Nell", "Ollie", "Poppy", "Ruby", "Sunny",
    "Toby", "Zara" };
constexpr std::array Streets { "Larch Road", "Mill Lane", "Chapel Street", "Orchard Way",
    "Station Road", "Beck Close", "Heather Walk", "Quayside" };
constexpr std::array Schools { "Brookside Primary", "St Hilda's Primary", "Fernlea Academy",
    "Riverside Secondary" };
constexpr std::array Sources { "school", "police", "health", "self", "housing" };
constexpr std::array WorkingWell { "Mum walks the children to school every day.",
    "Grandad collects the children on Fridays.", "The children have a regular bedtime now.",
    "Dad has started at the job club." };
constexpr std::array Worries { "School attendance has dropped to 82% this term.",
    "Rent arrears and a letter from the housing officer.",
    "Arguments at home late at night, the children hear them.",
    "The youngest has missed two health visitor checks." };
constexpr std::array NeedsToHappen { "Meet the school attendance officer together.",
    "Referral to the debt advice service this week.",
    "Book the health visitor check before the review.",
    "Agree a morning routine chart with the children." };

QString idFor(quint32 seed, int family, const char *what, int n = 0)
{
    static const QUuid Namespace(QStringLiteral("{6f1d2b0e-5c1a-4e4b-9a55-4d6f6f727374}"));
    return QUuid::createUuidV5(Namespace,
        QStringLiteral("%1/%2/%3/%4").arg(seed).arg(family).arg(QString::fromLatin1(what)).arg(n))
        .toString(QUuid::WithoutBraces);
}

QString latin(const char *text)
{
    return QString::fromLatin1(text);
}

} // namespace

QString DemoData::nextTestNhsNumber(quint32 &n)
{
    for (;;) {
        const quint32 candidate = n++;
        QString digits
            = QStringLiteral("999%1").arg(candidate % 1'000'000, 6, 10, QLatin1Char('0'));
        int sum = 0;
        for (int i = 0; i < 9; ++i)
            sum += digits.at(i).digitValue() * (10 - i);
        const int check = 11 - sum % 11;
        if (check == 10)
            continue; // no valid number has this stem
        return digits + QString::number(check == 11 ? 0 : check);
    }
}

QList<Change> DemoData::family(const Options &options, int index)
{
    Random random((quint64(options.seed) << 32) ^ quint64(index) * 0x2545f4914f6cdd1dULL);
    const QString familyId = idFor(options.seed, index, "family");
    const QString surname = latin(random.pick(FamilyNames));
    QList<Change> changes;
    changes << Change::create(QStringLiteral("family"),
        { { QStringLiteral("family_name"), surname },
            { QStringLiteral("address"),
                QStringLiteral("%1 %2, Middletown")
                    .arg(1 + random.below(140))
                    .arg(latin(random.pick(Streets))) },
            { QStringLiteral("postcode"), QStringLiteral("ZZ99 %1XX").arg(1 + random.below(9)) },
            { QStringLiteral("language"),
                random.below(6) == 0 ? QStringLiteral("Polish") : QStringLiteral("English") } },
        familyId);

    const QDate today = options.today;
    const int adults = 1 + random.below(2);
    const int children = 1 + random.below(5);
    // Twenty numbers a family: at most seven people, and one stem in eleven is skipped.
    quint32 nhsSeed = quint32(options.seed) * 7919u + quint32(index) * 20u;
    for (int a = 0; a < adults; ++a) {
        const QDate born = today.addYears(-(24 + random.below(22))).addDays(-random.below(365));
        changes << Change::create(QStringLiteral("person"),
            { { QStringLiteral("family_id"), familyId },
                { QStringLiteral("given_name"), latin(random.pick(AdultNames)) },
                { QStringLiteral("family_name"), surname },
                { QStringLiteral("date_of_birth"), born },
                { QStringLiteral("nhs_number"), nextTestNhsNumber(nhsSeed) },
                { QStringLiteral("gender"),
                    a == 0 ? QStringLiteral("female") : QStringLiteral("male") },
                { QStringLiteral("role"), QStringLiteral("parent") } },
            idFor(options.seed, index, "adult", a));
    }
    for (int c = 0; c < children; ++c) {
        const int age = 1 + random.below(16);
        const QDate born = today.addYears(-age).addDays(-random.below(365));
        changes << Change::create(QStringLiteral("person"),
            { { QStringLiteral("family_id"), familyId },
                { QStringLiteral("given_name"), latin(random.pick(ChildNames)) },
                { QStringLiteral("family_name"), surname },
                { QStringLiteral("date_of_birth"), born },
                { QStringLiteral("nhs_number"), nextTestNhsNumber(nhsSeed) },
                { QStringLiteral("gender"),
                    random.below(2) ? QStringLiteral("female") : QStringLiteral("male") },
                { QStringLiteral("role"),
                    age >= 13 ? QStringLiteral("young_person") : QStringLiteral("child") },
                { QStringLiteral("school"), age >= 4 ? latin(random.pick(Schools)) : QString() } },
            idFor(options.seed, index, "child", c));
    }

    const QDate referred = today.addDays(-(5 + random.below(200)));
    changes << Change::create(QStringLiteral("referral"),
        { { QStringLiteral("family_id"), familyId },
            { QStringLiteral("source"), latin(random.pick(Sources)) },
            { QStringLiteral("level_of_need"), qint64(2 + random.below(2)) },
            { QStringLiteral("referred_on"), referred } },
        idFor(options.seed, index, "referral"));
    const QDate allocated = referred.addDays(1 + random.below(4));
    changes << Change::create(QStringLiteral("allocation"),
        { { QStringLiteral("family_id"), familyId },
            { QStringLiteral("practitioner_id"), options.practitionerId },
            { QStringLiteral("practitioner_name"), options.practitionerName },
            { QStringLiteral("team"), QStringLiteral("Early Help North") },
            { QStringLiteral("allocated_on"), allocated } },
        idFor(options.seed, index, "allocation"));

    const int visits
        = options.maxVisitsPerFamily > 0 ? random.below(options.maxVisitsPerFamily + 1) : 0;
    QDate visitDay = allocated.addDays(2);
    for (int v = 0; v < visits && visitDay <= today; ++v) {
        const QDateTime at(visitDay, QTime(9 + random.below(7), 0), Qt::UTC);
        changes << Change::create(QStringLiteral("visit"),
            { { QStringLiteral("family_id"), familyId }, { QStringLiteral("visit_at"), at },
                { QStringLiteral("location"), QStringLiteral("Family home") },
                { QStringLiteral("present"), QStringLiteral("Parent and children") },
                { QStringLiteral("seen_alone"), random.below(2) == 1 },
                { QStringLiteral("working_well"), latin(random.pick(WorkingWell)) },
                { QStringLiteral("worries"), latin(random.pick(Worries)) },
                { QStringLiteral("needs_to_happen"), latin(random.pick(NeedsToHappen)) },
                { QStringLiteral("author_id"), options.practitionerId } },
            idFor(options.seed, index, "visit", v));
        visitDay = visitDay.addDays(14 + random.below(21));
    }
    return changes;
}

} // namespace doorstep

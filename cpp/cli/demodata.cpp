#include "cli/demodata.h"

#include "store/genogramchanges.h"
#include "store/threehouseschanges.h"

#include <QUuid>
#include <array>
#include <cmath>

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

namespace
{

// Points of a child's drawing, normalised to the house's square.
QList<QPointF> spiral(QPointF centre, double radius, double turns)
{
    QList<QPointF> points;
    const int steps = int(turns * 24);
    for (int i = 0; i <= steps; ++i) {
        const double angle = 2 * M_PI * turns * i / steps;
        const double r = radius * i / steps;
        points << centre + QPointF(std::cos(angle) * r, std::sin(angle) * r);
    }
    return points;
}

QList<QPointF> zigzag(QPointF from, QPointF to, int teeth, double height)
{
    QList<QPointF> points;
    for (int i = 0; i <= teeth * 2; ++i) {
        const double t = double(i) / (teeth * 2);
        points << from + (to - from) * t + QPointF(0, (i % 2 ? -height : height) / 2);
    }
    return points;
}

QList<QPointF> arc(QPointF centre, double radius, double from, double to)
{
    QList<QPointF> points;
    for (int i = 0; i <= 16; ++i) {
        const double angle = from + (to - from) * i / 16;
        points << centre + QPointF(std::cos(angle) * radius, std::sin(angle) * radius);
    }
    return points;
}

} // namespace

QList<Change> DemoData::threeHouses(const Options &options, int index)
{
    // Find the child as family() made them.
    QString familyId;
    QString childId;
    for (const Change &change : family(options, index)) {
        if (change.kind == QLatin1String("family"))
            familyId = change.recordId;
        if (change.kind != QLatin1String("person") || !childId.isEmpty())
            continue;
        QDate born;
        QString role;
        for (const FieldValue &field : change.fields) {
            if (field.field == QLatin1String("date_of_birth"))
                born = field.value.toDate();
            if (field.field == QLatin1String("role"))
                role = field.value.toString();
        }
        const int age = born.isValid() ? born.daysTo(options.today) / 365 : -1;
        if (role == QLatin1String("child") && age >= 4 && age <= 12)
            childId = change.recordId;
    }
    if (childId.isEmpty())
        return {};

    const QDateTime at(options.today.addDays(-3), QTime(16, 10), Qt::UTC);
    int minute = 0;
    const auto next = [&] { return at.addSecs(60 * minute++); };
    QList<Change> changes = ThreeHousesChanges::start(familyId, childId,
        { House::Kind::Worries, House::Kind::GoodThings, House::Kind::Dreams }, at);
    const QString worries = ThreeHousesChanges::houseId(childId, House::Kind::Worries);
    const QString good = ThreeHousesChanges::houseId(childId, House::Kind::GoodThings);
    const QString dreams = ThreeHousesChanges::houseId(childId, House::Kind::Dreams);
    const auto stroke = [&](const QString &house, const QList<QPointF> &points, const char *colour,
                            double width) {
        auto made = ThreeHousesChanges::stroke(
            house, points, {}, QString::fromLatin1(colour), width, true, next());
        if (made)
            changes << *made;
    };
    const auto words = [&](const QString &house, const char *said, bool scribed,
                           const char *prompt) {
        changes << ThreeHousesChanges::words(house, QString::fromLatin1(said),
            scribed ? HouseWords::WrittenBy::PractitionerScribing : HouseWords::WrittenBy::Child,
            QString::fromLatin1(prompt), next());
    };
    const auto sticker = [&](const QString &house, const char *name, double x, double y) {
        changes << ThreeHousesChanges::sticker(
            { {}, house, QString::fromLatin1(name), x, y, 0.16, true, next() });
    };

    // Worries: rain and a cross face, kept private.
    stroke(worries, zigzag(QPointF(0.12, 0.08), QPointF(0.5, 0.08), 5, 0.05), "#455a64", 0.012);
    stroke(worries, zigzag(QPointF(0.55, 0.12), QPointF(0.88, 0.12), 4, 0.05), "#455a64", 0.012);
    sticker(worries, "sad", 0.82, 0.82);
    words(worries, "WHEN MUM AND DAD SHOUT", false, "");
    words(worries, "I worry when the shouting starts at night.", true,
        "What do you worry about at home?");
    // Good things: a sun and a smile, shared.
    stroke(good, spiral(QPointF(0.2, 0.2), 0.12, 2.5), "#f57c00", 0.014);
    stroke(good, arc(QPointF(0.5, 0.62), 0.1, 0.3, M_PI - 0.3), "#2e7d32", 0.018);
    sticker(good, "dog", 0.15, 0.85);
    sticker(good, "heart", 0.85, 0.8);
    words(good, "MY DOG BISCUIT", false, "");
    words(good, "Grandad takes me to the park on Fridays.", true, "What is good in your life?");
    changes << ThreeHousesChanges::rename(good, QStringLiteral("My happy house"));
    changes << ThreeHousesChanges::chooseSymbol(good, QStringLiteral("sun"));
    changes << ThreeHousesChanges::share(good, true);
    // Dreams: a star, shared.
    stroke(dreams, zigzag(QPointF(0.3, 0.8), QPointF(0.7, 0.8), 3, 0.08), "#6a1b9a", 0.016);
    sticker(dreams, "star", 0.8, 0.15);
    words(dreams, "A BIG GARDEN", false, "");
    changes << ThreeHousesChanges::share(dreams, true);
    return changes;
}

namespace
{

constexpr std::array GrandmotherNames { "Maureen", "Jean", "Halina", "Patricia", "Shirley",
    "Margaret", "Nasreen", "Brenda" };
constexpr std::array GrandfatherNames { "Derek", "Ken", "Tadeusz", "Ron", "Alan", "Brian", "Iqbal",
    "Trevor" };
constexpr std::array AuntNames { "Lorraine", "Tracey", "Agata", "Sharon", "Kerry", "Nadia" };
constexpr std::array PartnerNames { "Dean", "Craig", "Lewis", "Ryan", "Jason", "Kieran" };

/// The people family() made for one family, as the genogram needs them.
struct DemoHousehold {
    QString familyId;
    QString surname;
    bool interpreter = false;
    QList<QString> adults; ///< mum first, then her partner if there is one
    QList<QDate> adultsBorn;
    QList<QString> children; ///< eldest first
    QList<QString> schools;
};

DemoHousehold peopleOf(const QList<Change> &changes)
{
    DemoHousehold found;
    QList<std::pair<QDate, QString>> children;
    for (const Change &change : changes) {
        QString role;
        QDate born;
        QString school;
        for (const FieldValue &field : change.fields) {
            if (field.field == QLatin1String("role"))
                role = field.value.toString();
            else if (field.field == QLatin1String("date_of_birth"))
                born = field.value.toDate();
            else if (field.field == QLatin1String("school"))
                school = field.value.toString();
            else if (field.field == QLatin1String("family_name")
                && change.kind == QLatin1String("family"))
                found.surname = field.value.toString();
            else if (field.field == QLatin1String("language"))
                found.interpreter = field.value.toString() != QLatin1String("English");
        }
        if (change.kind == QLatin1String("family"))
            found.familyId = change.recordId;
        if (change.kind != QLatin1String("person"))
            continue;
        if (role == QLatin1String("parent")) {
            found.adults << change.recordId;
            found.adultsBorn << born;
        } else {
            children << std::pair { born, change.recordId };
            if (!school.isEmpty() && !found.schools.contains(school))
                found.schools << school;
        }
    }
    std::stable_sort(children.begin(), children.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &child : children)
        found.children << child.second;
    return found;
}

} // namespace

QList<Change> DemoData::genogram(const Options &options, int index)
{
    const DemoHousehold home = peopleOf(family(options, index));
    if (home.familyId.isEmpty() || home.adults.isEmpty())
        return {};
    // Its own stream, so family() stays as it was for the same seed.
    Random random(
        (quint64(options.seed) << 32) ^ quint64(index) * 0x9e3779b97f4a7c15ULL ^ 0x6e6fULL);
    const QString &familyId = home.familyId;
    const QString mum = home.adults.first();
    const bool twoAdults = home.adults.size() > 1;
    const int mumBorn = home.adultsBorn.first().year();
    QList<Change> changes;
    int made = 0;
    const auto add = [&](const Result<Change> &change) {
        if (change)
            changes << *change;
    };
    using Gender = GenogramPerson::Gender;
    const auto person = [&](const QString &name, Gender gender, int born) {
        GenogramPerson one;
        one.id = idFor(options.seed, index, "genogram_person", made++);
        one.displayName = name;
        one.gender = gender;
        one.born = { born, 0, 0 };
        return one;
    };
    const auto create = [&](const GenogramPerson &one) {
        add(GenogramChanges::createPerson(familyId, one));
        return one.id;
    };
    int lines = 0;
    using Type = GenogramRelation::Type;
    const auto relate = [&](Type type, const QString &from, const QString &to, int start = 0,
                            int end = 0, int order = 0, const char *note = "") {
        GenogramRelation relation;
        relation.id = idFor(options.seed, index, "genogram_relation", lines++);
        relation.type = type;
        relation.fromId = from;
        relation.toId = to;
        relation.start = { start, 0, 0 };
        relation.end = { end, 0, 0 };
        relation.order = order;
        relation.note = QString::fromLatin1(note);
        add(GenogramChanges::createRelation(familyId, relation));
    };

    // Mum's side: her mother, her father who has died, and her sister.
    GenogramPerson nan = person(
        latin(random.pick(GrandmotherNames)), Gender::Female, mumBorn - 22 - random.below(10));
    nan.interpreterNeeded = home.interpreter || index % 4 == 2;
    if (!nan.interpreterNeeded)
        nan.note = QStringLiteral("Lives two streets away.");
    else if (home.interpreter)
        nan.note = QStringLiteral("Speaks Polish; needs an interpreter.");
    else
        nan.note = QStringLiteral("Speaks Punjabi; needs an interpreter.");
    const QString nanId = create(nan);
    GenogramPerson grandad = person(
        latin(random.pick(GrandfatherNames)), Gender::Male, nan.born.year - 2 - random.below(4));
    grandad.deceased = true;
    grandad.died = { options.today.year() - 2 - random.below(8), 1 + random.below(12), 0 };
    grandad.ageText = QString::number(grandad.died.year - grandad.born.year);
    grandad.note = QStringLiteral("Died of a heart attack; the children still talk about him.");
    const QString grandadId = create(grandad);
    relate(Type::Married, grandadId, nanId, grandad.born.year + 22);
    relate(Type::Biological, nanId, mum);
    relate(Type::Biological, grandadId, mum);
    const QString auntName = latin(random.pick(AuntNames));
    const QString aunt = create(
        person(auntName, Gender::Female, mumBorn + (index % 4 == 1 ? 3 : 1 + random.below(6))));
    relate(Type::Biological, nanId, aunt);
    relate(Type::Biological, grandadId, aunt);
    relate(Type::Support, aunt, mum, 0, 0, 0, "Has the children after school twice a week.");
    if (index % 4 == 1) {
        // The aunt has an identical twin.
        QString twinName;
        do
            twinName = latin(random.pick(AuntNames));
        while (twinName == auntName);
        const QString twin = create(person(twinName, Gender::Female, mumBorn + 3));
        relate(Type::Biological, nanId, twin);
        relate(Type::Biological, grandadId, twin);
        relate(Type::IdenticalTwins, aunt, twin);
    }

    // Dad's side, or the children's father's where he does not live with them.
    QString dad;
    if (twoAdults) {
        dad = home.adults.at(1);
    } else {
        dad = create(
            person(QStringLiteral("%1 (children's father)").arg(latin(random.pick(PartnerNames))),
                Gender::Male, mumBorn - random.below(5)));
    }
    const QString dadsMum = create(person(
        latin(random.pick(GrandmotherNames)), Gender::Female, mumBorn - 25 - random.below(8)));
    const QString dadsDad = create(
        person(latin(random.pick(GrandfatherNames)), Gender::Male, mumBorn - 27 - random.below(8)));
    relate(Type::Divorced, dadsDad, dadsMum, mumBorn - 5, mumBorn + 10);
    relate(Type::Biological, dadsMum, dad);
    relate(Type::Biological, dadsDad, dad);
    relate(Type::CutOff, dad, dadsDad, 0, 0, 0, "Have not spoken since 2019.");
    const bool earlier = index % 3 == 0;
    const int together = mumBorn + 20 + random.below(5) + (earlier ? 4 : 0);
    if (twoAdults)
        relate(
            index % 2 ? Type::Cohabiting : Type::Married, mum, dad, together, 0, earlier ? 2 : 0);
    else
        relate(Type::Separated, mum, dad, together, options.today.year() - 1, earlier ? 2 : 0);
    for (const QString &child : home.children) {
        relate(Type::Biological, mum, child);
        relate(Type::Biological, dad, child);
    }

    QStringList living = home.adults;
    living << home.children;
    if (earlier) {
        // Mum's earlier marriage, and her eldest from it, who lives with his father.
        const QString former = create(
            person(latin(random.pick(PartnerNames)), Gender::Male, mumBorn - random.below(4)));
        relate(Type::Divorced, mum, former, mumBorn + 18, mumBorn + 22, 1,
            "Divorced; contact through a solicitor.");
        GenogramPerson older = person(latin(random.pick(ChildNames)), Gender::Male, mumBorn + 19);
        older.ageText = QString::number(options.today.year() - older.born.year);
        const QString olderId = create(older);
        relate(Type::Biological, mum, olderId);
        relate(Type::Biological, former, olderId);
        relate(Type::Conflict, mum, former, 0, 0, 0, "Arguments at handovers.");
        if (twoAdults)
            relate(Type::Step, dad, olderId);
    }
    if (index % 5 == 2) {
        // A child fostered with the family.
        GenogramPerson fostered
            = person(latin(random.pick(ChildNames)), Gender::Female, options.today.year() - 8);
        fostered.ageText = QStringLiteral("8");
        fostered.note = QStringLiteral("Placed with the family in the spring.");
        const QString fosteredId = create(fostered);
        relate(Type::Foster, mum, fosteredId, options.today.year());
        if (twoAdults)
            relate(Type::Foster, dad, fosteredId, options.today.year());
        living << fosteredId;
    }

    // The index child (the eldest, the work is about them) and their closeness to their nan.
    FamilyGenogram current;
    for (const QString &id : home.adults)
        current.familyRecordIds.insert(id);
    for (const QString &id : home.children)
        current.familyRecordIds.insert(id);
    if (!home.children.isEmpty()) {
        GenogramPerson indexChild;
        indexChild.id = home.children.first();
        indexChild.isIndex = true;
        indexChild.note = QStringLiteral("The work is about them.");
        if (auto saved = GenogramChanges::savePerson(familyId, indexChild, current))
            changes << *saved;
        relate(Type::Close, nanId, home.children.first(), 0, 0, 0, "Sleeps over at Nan's.");
    }

    int households = 0;
    const auto household = [&](const QStringList &members, const char *note) {
        add(GenogramChanges::createHousehold(familyId,
            { idFor(options.seed, index, "genogram_household", households++), members,
                QString::fromLatin1(note) }));
    };
    household(living, "The family home");
    household({ nanId }, "Nan's flat");

    // The ecomap: five to eight services and groups, first those every family has.
    struct Link {
        EcomapLink::Agency agency;
        QString name;
        EcomapLink::Strength strength;
        const char *note;
        QString personId;
    };
    using Agency = EcomapLink::Agency;
    using Strength = EcomapLink::Strength;
    const QString firstChild = home.children.isEmpty() ? QString() : home.children.first();
    QList<Link> links {
        { Agency::School,
            home.schools.isEmpty() ? QStringLiteral("Little Acorns Nursery") : home.schools.first(),
            random.below(2) ? Strength::Strong : Strength::Stressful,
            "Attendance worries; the class teacher is kind.", firstChild },
        { Agency::Gp, QStringLiteral("Dr Okonjo, Larch Road Surgery"), Strength::Weak,
            "Hard to get appointments.", {} },
        { Agency::HealthVisitor, QStringLiteral("Health visitor"), Strength::Strong,
            "Visits every six weeks.", {} },
        { Agency::Housing, QStringLiteral("Middletown Homes"), Strength::Stressful,
            "Damp in the back bedroom; repairs promised.", {} },
        { Agency::Voluntary, QStringLiteral("Family Hub food pantry"), Strength::Strong,
            "Goes on Thursdays.", mum },
        { Agency::Employment, QStringLiteral("Job club"), Strength::Weak, "Started last month.",
            twoAdults ? dad : mum },
        { Agency::Friends, QStringLiteral("School-gate friends"), Strength::Strong,
            "Share the school run.", mum },
        { Agency::Faith, QStringLiteral("St Hilda's church"), Strength::Weak,
            "Nan takes the children at Christmas.", nanId },
    };
    const int count = 5 + random.below(4);
    for (int i = 0; i < count; ++i) {
        const Link &link = links.at(i);
        add(GenogramChanges::createEcomapLink(familyId,
            { idFor(options.seed, index, "ecomap_link", i), link.agency, link.name, link.personId,
                link.strength, QString::fromLatin1(link.note) }));
    }
    return changes;
}

} // namespace doorstep

#include "documents/documenthtml.h"

#include "documents/consentformdocument.h"
#include "documents/crisiscarddocument.h"
#include "documents/endingletterdocument.h"
#include "documents/familyplandocument.h"
#include "documents/genogrampictureobject.h"
#include "documents/housepicture.h"
#include "documents/pageddocument.h"
#include "documents/signatureobject.h"

#include <QLocale>
#include <QRegularExpression>

namespace doorstep
{

namespace
{

// Every piece of text below reaches the HTML through escaped() and plain concatenation, never
// through QString::arg() after other text: a name holding "%1" must print as written too.

const QString accent = QStringLiteral("#1f4e79");
const QString green = QStringLiteral("#1b6e3a");
const QString amber = QStringLiteral("#8a4600");
const QString grey = QStringLiteral("#555555");
const QString red = QStringLiteral("#a4161a");

constexpr double millimetresPerInch = 25.4;
constexpr double pointsPerInch = 72.0;
// A house's card in the plan: big enough for a child's drawing to be seen, small enough for a
// house's name, its picture and the first of the child's words to share a page.
constexpr double housePictureMm = 80;

QString px(double points)
{
    return PagedDocument::px(points);
}

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString keepWithNext()
{
    return QStringLiteral("-qt-user-state: %1;").arg(PagedDocument::keepWithNextState);
}

// <tag attributes>escaped text</tag>
QString element(const QString &tag, const QString &text, const QString &attributes = QString())
{
    return QLatin1Char('<') + tag
        + (attributes.isEmpty() ? QString() : QLatin1Char(' ') + attributes) + QLatin1Char('>')
        + escaped(text) + QStringLiteral("</") + tag + QStringLiteral(">\n");
}

QString heading(int level, const QString &text)
{
    return element(QLatin1Char('h') + QString::number(level), text);
}

QString paragraph(const QString &text, const QString &cssClass = QString())
{
    return element(QStringLiteral("p"), text,
        cssClass.isEmpty() ? QString() : QStringLiteral("class=\"") + cssClass + QLatin1Char('"'));
}

// A bold label and its value in one paragraph: "Date: 12 March 2026".
QString labelled(const QString &label, const QString &value, bool keep = false)
{
    return QStringLiteral("<p class=\"meta\"")
        + (keep ? QStringLiteral(" style=\"") + keepWithNext() + QLatin1Char('"') : QString())
        + QStringLiteral("><b>") + escaped(label) + QStringLiteral("</b> ") + escaped(value)
        + QStringLiteral("</p>\n");
}

// Lines under an item (a goal's status, who does an action) run in the item's direction, so
// they line up under it whatever the language of their labels: a right-to-left or
// left-to-right mark in front decides the direction of a paragraph that finds its own.
QString directionOf(const QString &item)
{
    return item.isRightToLeft() ? QStringLiteral("&#x200f;") : QStringLiteral("&#x200e;");
}

// A bold line in a colour, such as a goal's status; the words carry the meaning in print.
QString statusLine(const QString &text, const QString &colour, const QString &item)
{
    return QStringLiteral("<p class=\"status\" style=\"color: ") + colour + QStringLiteral(";\">")
        + directionOf(item) + escaped(text) + QStringLiteral("</p>\n");
}

QString styleSheet(double body, double title)
{
    const QString rules[] = {
        QStringLiteral("h1 { font-size: %1pt; color: %2; margin-top: 0; margin-bottom: %3; }")
            .arg(title)
            .arg(accent, px(2)),
        QStringLiteral("h2 { font-size: %1pt; color: %2; margin-top: %3; margin-bottom: %4; }")
            .arg(body * 1.4)
            .arg(accent, px(body * 1.5), px(body * 0.5)),
        QStringLiteral("h3 { font-size: %1pt; margin-top: %2; margin-bottom: %3; }")
            .arg(body * 1.15)
            .arg(px(body * 0.9), px(body * 0.4)),
        QStringLiteral("p { margin-top: 0; margin-bottom: %1; }").arg(px(body * 0.5)),
        QStringLiteral("p.words { white-space: pre-wrap; line-height: 120%; }"),
        QStringLiteral("p.subtitle { font-size: %1pt; margin-bottom: %2; }")
            .arg(body * 1.15)
            .arg(px(body * 0.8)),
        QStringLiteral("p.meta { margin-bottom: %1; }").arg(px(body * 0.25)),
        QStringLiteral("p.status { font-weight: bold; font-size: %1pt; margin-bottom: %2; }")
            .arg(body * 0.93)
            .arg(px(body * 0.9)),
        QStringLiteral("li { white-space: pre-wrap; line-height: 120%; margin-bottom: %1; }")
            .arg(px(body * 0.2)),
        QStringLiteral("ol, ul { margin-top: 0; margin-bottom: 0; }"),
    };
    QString sheet = QStringLiteral("<style>\n");
    for (const QString &rule : rules)
        sheet += rule + QLatin1Char('\n');
    return sheet + QStringLiteral("</style>\n");
}

QString document(const QString &styles, const QString &body)
{
    return QStringLiteral("<html><head>") + styles + QStringLiteral("</head><body>\n") + body
        + QStringLiteral("</body></html>\n");
}

// Text whose lines must stay in one block, such as a list item: lines become line breaks.
QString lines(const QString &text)
{
    static const QRegularExpression lineBreak(QStringLiteral("\\R"));
    QStringList kept;
    const QStringList split = text.split(lineBreak);
    for (const QString &line : split) {
        if (!line.trimmed().isEmpty())
            kept.append(escaped(line.trimmed()));
    }
    return kept.join(QStringLiteral("<br/>"));
}

// A numbered or bulleted item in the family's words, kept on a page with the lines after it.
QString listItem(const QString &text, bool keep)
{
    return QStringLiteral("<li")
        + (keep ? QStringLiteral(" style=\"") + keepWithNext() + QLatin1Char('"') : QString())
        + QLatin1Char('>') + lines(text) + QStringLiteral("</li>");
}

QString longDate(const QDate &date)
{
    if (!date.isValid())
        return QString();
    //: How dates are written in the documents given to families (QDate::toString format).
    return QLocale().toString(date, DocumentHtml::tr("d MMMM yyyy", "date format"));
}

QString goalStatus(const FamilyPlanDocument::Goal &goal)
{
    using Status = FamilyPlanDocument::GoalStatus;
    switch (goal.status) {
    case Status::Open:
        return statusLine(DocumentHtml::tr("Working on it"), accent, goal.words);
    case Status::Achieved:
        //: A goal the family reached; the tick is part of the text.
        return statusLine(DocumentHtml::tr("✓ Achieved"), green, goal.words);
    case Status::NotAchieved:
        return statusLine(DocumentHtml::tr("Not achieved"), amber, goal.words);
    case Status::Withdrawn:
        //: A goal the family and practitioner agreed to stop working on.
        return statusLine(DocumentHtml::tr("No longer a goal"), grey, goal.words);
    }
    return QString();
}

QString goals(const FamilyPlanDocument &plan)
{
    QString html;
    for (const auto &member : plan.members) {
        if (member.goals.isEmpty())
            continue;
        const QString name = member.name.trimmed();
        html += heading(3, name.isEmpty() ? DocumentHtml::tr("The whole family") : name);
        html += QStringLiteral("<ol>\n");
        for (const auto &goal : member.goals)
            html += listItem(goal.words, true) + goalStatus(goal);
        html += QStringLiteral("</ol>\n");
    }
    if (html.isEmpty())
        html = paragraph(DocumentHtml::tr("No goals have been written down yet."));
    return html;
}

QString actions(const FamilyPlanDocument &plan)
{
    QString html = QStringLiteral("<ol>\n");
    for (const auto &action : plan.actions) {
        html += listItem(action.description, true);
        QString details;
        if (!action.who.trimmed().isEmpty())
            details += QStringLiteral("<b>") + escaped(DocumentHtml::tr("Who:"))
                + QStringLiteral("</b> ") + lines(action.who);
        if (action.dueOn.isValid()) {
            if (!details.isEmpty())
                details += QStringLiteral(" &nbsp;&nbsp;&nbsp; ");
            details += QStringLiteral("<b>") + escaped(DocumentHtml::tr("By when:"))
                + QStringLiteral("</b> ") + escaped(longDate(action.dueOn));
        }
        if (!details.isEmpty()) {
            html += QStringLiteral("<p class=\"detail\" style=\"") + keepWithNext()
                + QStringLiteral("\">") + directionOf(action.description) + details
                + QStringLiteral("</p>\n");
        }
        html += action.done
            ? statusLine(DocumentHtml::tr("✓ Done"), green, action.description)
            : statusLine(DocumentHtml::tr("Not done yet"), accent, action.description);
    }
    return html + QStringLiteral("</ol>\n");
}

QString reviews(const FamilyPlanDocument &plan)
{
    QString html;
    for (const auto &review : plan.reviews) {
        html += heading(3,
            review.heldOn.isValid() ? DocumentHtml::tr("Review on %1").arg(longDate(review.heldOn))
                                    : DocumentHtml::tr("Review"));
        if (!review.attendees.isEmpty()) {
            html += labelled(
                DocumentHtml::tr("Who came:"), QLocale().createSeparatedList(review.attendees));
        }
        if (!review.outcome.trimmed().isEmpty()) {
            html += labelled(DocumentHtml::tr("What we agreed:"), QString(), true);
            html += DocumentHtml::words(review.outcome);
        }
    }
    return html;
}

// The houses of a child the plan shows. The plan is only ever given shared houses; should a
// private one slip through all the same, it is left out here, not printed.
QList<House> sharedHouses(const FamilyPlanDocument::ChildVoice &child)
{
    QList<House> shared;
    for (const House &house : child.sharedHouses) {
        if (house.shareAllowed)
            shared.append(house);
    }
    return shared;
}

QString childHeading(const FamilyPlanDocument::ChildVoice &child)
{
    const QString name = child.name.simplified();
    if (name.isEmpty()) {
        return child.age ? DocumentHtml::tr("A child, age %1").arg(*child.age)
                         : DocumentHtml::tr("A child");
    }
    if (!child.age)
        return name;
    //: A child's first name and age in years, over the houses they shared: "Mia, age 9".
    return DocumentHtml::tr("%1, age %2").arg(name, QString::number(*child.age));
}

QString picture(int index)
{
    const int side = PagedDocument::cssPixels(housePictureMm / millimetresPerInch * pointsPerInch);
    return QStringLiteral("<img src=\"") + HousePictureObject::imageName(index)
        + QStringLiteral("\" width=\"") + QString::number(side) + QStringLiteral("\" height=\"")
        + QString::number(side) + QStringLiteral("\"/>");
}

// The child's words in a house, each with the question that drew them out first and, when
// the practitioner wrote them down, a note saying so: this work can be used in court.
QString houseWords(const House &house, const QString &child)
{
    QString html;
    for (const HouseWords &words : house.words) {
        if (words.words.trimmed().isEmpty())
            continue;
        const bool scribed = words.writtenBy == HouseWords::WrittenBy::PractitionerScribing;
        if (!words.prompt.trimmed().isEmpty()) {
            html += QStringLiteral("<p class=\"prompt\" style=\"color: ")
                + HousePicture::darkColour(house.kind) + QStringLiteral("; ") + keepWithNext()
                + QStringLiteral("\">") + escaped(words.prompt.simplified())
                + QStringLiteral("</p>\n");
        }
        html += DocumentHtml::ownWords(words.words, QStringLiteral("answer"), true, scribed);
        if (scribed) {
            html += paragraph(child.isEmpty()
                    ? DocumentHtml::tr("(Written down by the practitioner as the child said it)")
                    : DocumentHtml::tr("(Written down by the practitioner as %1 said it)")
                          .arg(child),
                QStringLiteral("scribe"));
        }
    }
    return html;
}

// Each child who shared a house, by name and age, then each house they shared: its name, its
// picture and the child's words. A house kept private leaves no trace, not even a mention.
QString childVoices(const FamilyPlanDocument &plan)
{
    QList<const FamilyPlanDocument::ChildVoice *> children;
    for (const auto &child : plan.childVoices) {
        if (!sharedHouses(child).isEmpty())
            children.append(&child);
    }
    if (children.isEmpty())
        return QString();

    QString html;
    const QString only = children.size() == 1 ? children.first()->name.simplified() : QString();
    html += heading(2,
        only.isEmpty() ? DocumentHtml::tr("In the children's own words")
                       : DocumentHtml::tr("In %1's own words").arg(only));
    // Introduces the first child's houses, so goes to its page with them.
    html += QStringLiteral("<p class=\"intro\" style=\"") + keepWithNext() + QStringLiteral("\">")
        + escaped(!only.isEmpty()
                ? DocumentHtml::tr("The houses %1 chose to share, just as they were made.")
                      .arg(only)
                : DocumentHtml::tr("The houses each child chose to share, just as they were made."))
        + QStringLiteral("</p>\n");
    int pictureIndex = 0;
    for (const auto *child : std::as_const(children)) {
        const QString name = child->name.simplified();
        html += heading(3, childHeading(*child));
        const QList<House> houses = sharedHouses(*child);
        for (const House &house : houses) {
            html += QStringLiteral("<h4 style=\"color: ") + HousePicture::darkColour(house.kind)
                + QStringLiteral(";\">") + escaped(HousePicture::displayName(house))
                + QStringLiteral("</h4>\n");
            const QString words = houseWords(house, name);
            // The picture goes to a new page with the first of the words, when there are any.
            html += QStringLiteral("<p class=\"picture\" align=\"center\"")
                + (words.isEmpty()
                        ? QString()
                        : QStringLiteral(" style=\"") + keepWithNext() + QLatin1Char('"'))
                + QLatin1Char('>') + picture(pictureIndex++) + QStringLiteral("</p>\n");
            html += words;
        }
    }
    return html;
}

// The genogram and the ecomap across the page's text width (A4 less its margins), each with its
// key; left out when there is nothing to draw.
QString familyPictures(const FamilyPlanDocument &plan)
{
    constexpr double textWidthMm = 210 - 20 - 20;
    const double width = textWidthMm / millimetresPerInch * pointsPerInch;
    const bool genogram = plan.genogram && !plan.genogram->layout.isEmpty();
    const bool ecomap = plan.ecomap && !plan.ecomap->links.isEmpty();
    if (!genogram && !ecomap)
        return QString();
    auto image = [](const QString &name, const QSizeF &points) {
        return QStringLiteral("<p class=\"picture\" align=\"center\"><img src=\"") + name
            + QStringLiteral("\" width=\"")
            + QString::number(PagedDocument::cssPixels(points.width()))
            + QStringLiteral("\" height=\"")
            + QString::number(PagedDocument::cssPixels(points.height()))
            + QStringLiteral("\"/></p>\n");
    };
    QString html = heading(2, DocumentHtml::tr("Our family and who helps us"));
    if (genogram) {
        html += heading(3, DocumentHtml::tr("Our family tree"));
        html += image(GenogramPictureObject::genogramImageName(),
            GenogramPictureObject::genogramSize(*plan.genogram, width));
    }
    if (ecomap) {
        html += heading(3, DocumentHtml::tr("Who helps us"));
        html += image(GenogramPictureObject::ecomapImageName(),
            GenogramPictureObject::ecomapSize(*plan.ecomap, width));
    }
    return html;
}

// Agencies side by side, three to a row, each with a bullet: all seven fit in three lines,
// which keeps the signed form on one page.
QString agencyColumns(const QStringList &agencies)
{
    constexpr int columns = 3;
    QString html = QStringLiteral("<table class=\"agencies\" width=\"100%\" cellspacing=\"0\" "
                                  "cellpadding=\"0\" border=\"0\">\n");
    for (qsizetype row = 0; row * columns < agencies.size(); ++row) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < columns; ++column) {
            const qsizetype index = row * columns + column;
            // The paragraph before a table keeps no margin below it: the first row makes one.
            html += QStringLiteral("<td width=\"33%\" class=\"agency\"")
                + (row == 0
                        ? QStringLiteral(" style=\"padding-top: ") + px(5) + QStringLiteral(";\"")
                        : QString())
                + QStringLiteral("><p class=\"agency\">");
            if (index < agencies.size())
                html += QStringLiteral("&#x2022;&nbsp;") + lines(agencies.at(index));
            html += QStringLiteral("</p></td>");
        }
        html += QStringLiteral("</tr>\n");
    }
    return html + QStringLiteral("</table>\n");
}

// Who gave consent, in a sentence that holds up when a name was not recorded.
QString givenBy(const ConsentFormDocument &form)
{
    const QString person = form.personName.trimmed();
    const QString signatory = form.signatoryName.trimmed();
    if (form.givenBySelf) {
        const QString name = signatory.isEmpty() ? person : signatory;
        return name.isEmpty() ? DocumentHtml::tr("The person gave this consent themselves.")
                              : DocumentHtml::tr("%1 gave this consent themselves.").arg(name);
    }
    if (person.isEmpty()) {
        return signatory.isEmpty()
            ? DocumentHtml::tr("A parent or carer gave this consent on the child's behalf.")
            : DocumentHtml::tr("%1, as parent or carer, gave this consent on the child's behalf.")
                  .arg(signatory);
    }
    // One arg() call for both names: a name holding "%2" stays as written.
    return signatory.isEmpty()
        ? DocumentHtml::tr("A parent or carer gave this consent on behalf of %1.").arg(person)
        : DocumentHtml::tr("%1, as parent or carer, gave this consent on behalf of %2.")
              .arg(signatory, person);
}

} // namespace

QString DocumentHtml::ownWords(
    const QString &text, const QString &cssClass, bool keepTogether, bool keepLast)
{
    static const QRegularExpression lineBreak(QStringLiteral("\\R"));
    QStringList paragraphs;
    const QStringList split = text.split(lineBreak);
    for (const QString &line : split) {
        if (line.trimmed().isEmpty())
            continue;
        // Trailing spaces are invisible anyway; leading ones may be the writer's indent.
        QString kept = line;
        while (!kept.isEmpty() && kept.back().isSpace())
            kept.chop(1);
        paragraphs.append(escaped(kept));
    }
    QString html;
    for (qsizetype index = 0; index < paragraphs.size(); ++index) {
        const bool last = index + 1 == paragraphs.size();
        const bool keep = last ? keepLast : keepTogether;
        html += QStringLiteral("<p class=\"") + cssClass
            + QStringLiteral("\" style=\"white-space: pre-wrap;")
            + (keep ? keepWithNext() : QString()) + QStringLiteral("\">")
            + paragraphs.at(index)
            // No line break after it: the importer would keep it as a space in pre-wrap text.
            + QStringLiteral("</p>");
    }
    return html;
}

QString DocumentHtml::words(const QString &text, bool keepTogether)
{
    return ownWords(text, QStringLiteral("words"), keepTogether);
}

QString DocumentHtml::plan(const FamilyPlanDocument &plan)
{
    QString body;
    body += heading(1, tr("My Family Plan"));
    if (!plan.familyName.trimmed().isEmpty()) {
        body += paragraph(
            tr("The %1 family").arg(plan.familyName.trimmed()), QStringLiteral("subtitle"));
    }
    if (plan.date.isValid())
        body += labelled(tr("Date:"), longDate(plan.date));
    if (!plan.practitionerName.trimmed().isEmpty())
        body += labelled(tr("Your family practitioner:"), plan.practitionerName);

    body += heading(2, tr("Our goals"));
    body += goals(plan);
    if (!plan.actions.isEmpty()) {
        body += heading(2, tr("Who does what"));
        body += actions(plan);
    }
    if (!plan.reviews.isEmpty()) {
        body += heading(2, tr("Reviews"));
        body += reviews(plan);
    }
    // Last, after what the family agreed to do: the pictures take room, and the plan's goals
    // and actions stay together on its first pages.
    body += familyPictures(plan);
    body += childVoices(plan);

    const QString styles = styleSheet(14, 26)
        + QStringLiteral("<style>\n"
                         "p.intro { margin-bottom: %1; }\n"
                         "h4 { font-size: %2pt; margin-top: %3; margin-bottom: %4; }\n"
                         "p.picture { margin-top: 0; margin-bottom: %5; }\n"
                         "p.prompt { font-weight: bold; margin-top: %6; margin-bottom: %7; }\n"
                         "p.answer { font-size: %8pt; line-height: 120%; margin-bottom: %7; }\n"
                         "p.scribe { font-size: %9pt; color: %10; margin-bottom: %5; }\n"
                         "</style>\n")
              .arg(px(4))
              .arg(14 * 1.1)
              .arg(px(14 * 1.2), px(14 * 0.5), px(14 * 0.6), px(14 * 0.4), px(14 * 0.25))
              .arg(14 * 1.1)
              .arg(14 * 0.8)
              .arg(grey);
    return document(styles, body);
}

QList<HousePictureObject::Framed> DocumentHtml::planPictures(const FamilyPlanDocument &plan)
{
    // In the order childVoices() numbers them.
    QList<HousePictureObject::Framed> pictures;
    for (const auto &child : plan.childVoices) {
        const QList<House> houses = sharedHouses(child);
        for (const House &house : houses)
            pictures.append({ house, HousePicture::frameColour(house.kind) });
    }
    return pictures;
}

QString DocumentHtml::crisisCard(const CrisisCardDocument &card)
{
    QString body;
    body += heading(1, tr("Our crisis card"));
    if (!card.familyName.trimmed().isEmpty()) {
        body += paragraph(
            tr("The %1 family").arg(card.familyName.trimmed()), QStringLiteral("subtitle"));
    }
    if (card.madeOn.isValid())
        body += labelled(tr("Made together on:"), longDate(card.madeOn));

    // The numbers come first: in a crisis they are what the family looks for on the fridge.
    // Each section moves to the next page whole, so a longer card breaks between sections
    // and prints as the two sides of one card.
    body += heading(2, tr("Who to call"));
    // Tinted cells with white gaps between them, one band per person to call.
    body += QStringLiteral("<table width=\"100%\" cellspacing=\"")
        + QString::number(PagedDocument::cssPixels(2)) + QStringLiteral("\" cellpadding=\"")
        + QString::number(PagedDocument::cssPixels(5)) + QStringLiteral("\" border=\"0\">\n");
    const auto row = [](const QString &name, const QString &number, const QString &colour) {
        const QString cell = QStringLiteral("<td valign=\"middle\" bgcolor=\"#eef3f8\" width=\"");
        // The left-to-right mark keeps a number's groups in order even when a note in a
        // right-to-left script follows it: "07700 900123 (جوال)".
        return QStringLiteral("<tr>") + cell + QStringLiteral("55%\" style=\"color: ") + colour
            + QStringLiteral(";\">") + lines(name) + QStringLiteral("</td>") + cell
            + QStringLiteral("45%\"><p class=\"number\" style=\"color: ") + colour
            + QStringLiteral(";\">&#x200e;") + escaped(number.trimmed())
            + QStringLiteral("</p></td></tr>\n");
    };
    for (const auto &contact : card.whoToCall)
        body += row(contact.name, contact.number, QStringLiteral("#1a1a1a"));
    //: The emergency services' number where the family lives.
    body += row(tr("Someone is in danger right now"), tr("999", "phone number"), red);
    body += QStringLiteral("</table>\n");

    if (!card.warningSigns.trimmed().isEmpty()) {
        body += heading(2, tr("Warning signs"));
        body += words(card.warningSigns, true);
    }
    if (!card.whatToDo.trimmed().isEmpty()) {
        body += heading(2, tr("What we will do"));
        body += words(card.whatToDo, true);
    }

    const QString styles = styleSheet(15, 24)
        + QStringLiteral("<style>\np.number { font-size: 17pt; font-weight: bold; "
                         "white-space: nowrap; margin-bottom: 0; }\n</style>\n");
    return document(styles, body);
}

QString DocumentHtml::endingLetter(const EndingLetterDocument &letter)
{
    QString body;
    if (!letter.serviceName.trimmed().isEmpty())
        body += paragraph(letter.serviceName, QStringLiteral("service"));
    if (letter.writtenOn.isValid())
        body += paragraph(longDate(letter.writtenOn), QStringLiteral("date"));
    const QString greeting = !letter.addressedTo.trimmed().isEmpty()
        ? tr("Dear %1,").arg(letter.addressedTo.trimmed())
        : !letter.familyName.trimmed().isEmpty()
        ? tr("Dear %1 family,").arg(letter.familyName.trimmed())
        : tr("Dear family,");
    body += paragraph(greeting, QStringLiteral("greeting"));

    if (!letter.progress.trimmed().isEmpty() || !letter.achievedGoals.isEmpty()) {
        body += heading(2, tr("What you have achieved"));
        body += words(letter.progress);
        if (!letter.achievedGoals.isEmpty()) {
            body += heading(3, tr("Goals you reached"));
            body += QStringLiteral("<ul>\n");
            for (const QString &goal : letter.achievedGoals)
                body += listItem(goal, false);
            body += QStringLiteral("</ul>\n");
        }
    }
    if (!letter.whereToGetHelp.trimmed().isEmpty()) {
        body += heading(2, tr("Where to get help"));
        body += words(letter.whereToGetHelp);
    }

    body += paragraph(tr("With best wishes,"), QStringLiteral("closing"));
    body += paragraph(letter.practitionerName, QStringLiteral("signature"));
    body += paragraph(letter.serviceName.trimmed().isEmpty()
            ? tr("Family practitioner")
            : tr("Family practitioner, %1").arg(letter.serviceName.trimmed()));

    const QString styles = styleSheet(14, 24)
        + QStringLiteral("<style>\n"
                         "p.service { font-size: 17pt; font-weight: bold; color: %1; }\n"
                         "p.date { margin-bottom: %2; }\n"
                         "p.greeting { font-size: 15pt; margin-bottom: %3; }\n"
                         "p.closing { margin-top: %2; }\n"
                         "p.signature { font-weight: bold; margin-bottom: 0; }\n"
                         "</style>\n")
              .arg(accent, px(22), px(6));
    return document(styles, body);
}

QString DocumentHtml::consentForm(const ConsentFormDocument &form)
{
    const QString person = form.personName.trimmed();
    QString body;
    body += heading(1, tr("Consent to share information"));
    if (!form.familyName.trimmed().isEmpty()) {
        body += paragraph(
            tr("The %1 family").arg(form.familyName.trimmed()), QStringLiteral("subtitle"));
    }
    if (!person.isEmpty())
        body += labelled(tr("Whose information:"), person);
    if (form.signedOn.isValid())
        body += labelled(tr("Signed on:"), longDate(form.signedOn));
    if (!form.practitionerName.trimmed().isEmpty())
        body += labelled(tr("Recorded by:"), form.practitionerName.trimmed());

    body += heading(2, tr("What was agreed"));
    const QString who = person.isEmpty()
        ? tr("The family practitioner may share information with:")
        : tr("The family practitioner may share information about %1 with:").arg(person);
    body += QStringLiteral("<p style=\"") + keepWithNext() + QStringLiteral("\">") + escaped(who)
        + QStringLiteral("</p>\n");
    if (form.agencies.isEmpty())
        body += paragraph(tr("No agency was named."));
    else
        body += agencyColumns(form.agencies);
    if (!form.purpose.trimmed().isEmpty()) {
        body += labelled(tr("What for:"), QString(), true);
        body += words(form.purpose);
    }
    body += labelled(tr("How long:"),
        form.expiresOn.isValid()
            ? tr("until %1, unless it is withdrawn before then.").arg(longDate(form.expiresOn))
            : tr("until it is withdrawn."));
    body += paragraph(tr("Consent can be withdrawn at any time by telling the family "
                         "practitioner. After that, no more information will be shared."),
        QStringLiteral("withdraw"));

    body += heading(2, tr("Who gave consent"));
    body += QStringLiteral("<p style=\"") + keepWithNext() + QStringLiteral("\">")
        + escaped(givenBy(form)) + QStringLiteral("</p>\n");
    constexpr double boxWidth = 360; // points, 127 mm: room to sign, and the form on one page
    // The box stays on a page with the name under it.
    body += QStringLiteral("<p class=\"signature\" style=\"") + keepWithNext()
        + QStringLiteral("\"><img src=\"") + SignatureObject::imageName()
        + QStringLiteral("\" width=\"") + QString::number(PagedDocument::cssPixels(boxWidth))
        + QStringLiteral("\" height=\"")
        + QString::number(
            PagedDocument::cssPixels(boxWidth / ConsentFormDocument::signatureAspectRatio))
        + QStringLiteral("\" /></p>\n");
    const QString signatory = form.signatoryName.trimmed().isEmpty() && form.givenBySelf
        ? person
        : form.signatoryName.trimmed();
    if (!signatory.isEmpty())
        body += paragraph(signatory, QStringLiteral("signatory"));

    const QString styles = styleSheet(13, 24)
        + QStringLiteral("<style>\n"
                         "td.agency { padding-left: %1; padding-bottom: %2; }\n"
                         "p.agency { margin-bottom: 0; }\n"
                         "p.withdraw { margin-top: %3; }\n"
                         "p.signature { margin-top: %3; margin-bottom: %2; }\n"
                         "p.signatory { font-weight: bold; }\n"
                         "</style>\n")
              .arg(px(14), px(5), px(6));
    return document(styles, body);
}

} // namespace doorstep

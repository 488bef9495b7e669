#include "documents/documentwriter.h"

#include "documents/consentformdocument.h"
#include "documents/crisiscarddocument.h"
#include "documents/documenthtml.h"
#include "documents/endingletterdocument.h"
#include "documents/familyplandocument.h"
#include "documents/genogrampictureobject.h"
#include "documents/housepictureobject.h"
#include "documents/lettertochildpages.h"
#include "documents/pageddocument.h"
#include "documents/signatureobject.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace doorstep
{

namespace
{

QFont documentFont(double points)
{
    // DejaVu Sans is wide and open, with Arabic and Hebrew; other scripts fall back through
    // the system's fonts.
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    return font;
}

PagedDocument::Style a4Style()
{
    PagedDocument::Style style;
    style.font = documentFont(14);
    return style;
}

// Writes the PDF beside `path` and renames it into place only when it is whole, so a reader
// never finds half a PDF. Error messages name no path: the file name may name the family.
Result<int> save(const QString &path, const QString &html, const PagedDocument::Style &style,
    const QString &title, const QString &footer, const PagedDocument::Prepare &prepare = {})
{
    if (path.trimmed().isEmpty()) {
        return makeError(
            Error::Code::InvalidArgument, DocumentWriter::tr("Choose where to save the PDF."));
    }
    const QFileInfo target(path);
    if (target.isDir()) {
        return makeError(Error::Code::InvalidArgument,
            DocumentWriter::tr("Choose a file name for the PDF, not a folder."));
    }
    if (!target.absoluteDir().exists()) {
        return makeError(Error::Code::NotFound,
            DocumentWriter::tr("The folder chosen for the PDF does not exist."));
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(Error::Code::Io,
            DocumentWriter::tr("The PDF could not be saved in that folder. Check that the "
                               "folder can be written to, or choose another one."));
    }
    auto pages = PagedDocument::write(&file, html, style, title, footer, prepare);
    if (!pages) {
        file.cancelWriting();
        return pages;
    }
    if (!file.commit()) {
        return makeError(Error::Code::Io,
            DocumentWriter::tr("The PDF could not be saved completely. Check that there is "
                               "space on the device, then try again."));
    }
    return pages;
}

} // namespace

Result<int> DocumentWriter::writePlan(const FamilyPlanDocument &plan, const QString &path)
{
    const QString family = plan.familyName.trimmed();
    const QString title
        = family.isEmpty() ? tr("My Family Plan") : tr("My Family Plan: the %1 family").arg(family);
    const QString footer = family.isEmpty()
        ? tr("My Family Plan. This copy is for the family to keep.")
        : tr("My Family Plan. This copy is for the %1 family to keep.").arg(family);
    // The children's houses are drawn as vector paths, like the letter to a child draws them.
    HousePictureObject pictures(DocumentHtml::planPictures(plan));
    // The genogram and ecomap too, with their keys.
    GenogramPictureObject familyPictures(plan.genogram, plan.ecomap);
    return save(path, DocumentHtml::plan(plan), a4Style(), title, footer,
        [&pictures, &familyPictures](QTextDocument &document) {
            pictures.install(document);
            familyPictures.install(document);
        });
}

Result<int> DocumentWriter::writeCrisisCard(const CrisisCardDocument &card, const QString &path)
{
    PagedDocument::Style style;
    style.pageSize = QPageSize(QPageSize::A5);
    style.marginsMm = QMarginsF(15, 14, 15, 22);
    style.font = documentFont(15);
    style.cardFrame = true;
    const QString family = card.familyName.trimmed();
    const QString title
        = family.isEmpty() ? tr("Crisis card") : tr("Crisis card: the %1 family").arg(family);
    const QString footer
        = family.isEmpty() ? tr("Our crisis card") : tr("The %1 family's crisis card").arg(family);
    return save(path, DocumentHtml::crisisCard(card), style, title, footer);
}

Result<int> DocumentWriter::writeEndingLetter(
    const EndingLetterDocument &letter, const QString &path)
{
    const QString family = letter.familyName.trimmed();
    const QString title
        = family.isEmpty() ? tr("Letter to the family") : tr("Letter to the %1 family").arg(family);
    const QString footer = family.isEmpty()
        ? tr("This letter is for the family to keep.")
        : tr("This letter is for the %1 family to keep.").arg(family);
    return save(path, DocumentHtml::endingLetter(letter), a4Style(), title, footer);
}

Result<QByteArray> DocumentWriter::consentFormPdf(const ConsentFormDocument &form)
{
    PagedDocument::Style style = a4Style();
    // A point smaller than the other A4 documents, so that a form naming every agency still
    // fits on one page with its signature.
    style.font = documentFont(13);
    const QString person = form.personName.trimmed();
    const QString title = person.isEmpty()
        ? tr("Consent to share information")
        : tr("Consent to share information about %1").arg(person);
    const QString footer = person.isEmpty()
        ? tr("Consent to share information, as signed.")
        : tr("Consent to share information about %1, as signed.").arg(person);

    SignatureObject signature(form.signature, style.font);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return makeError(Error::Code::Internal, tr("The PDF could not be started."));
    auto pages = PagedDocument::write(&buffer, DocumentHtml::consentForm(form), style, title,
        footer, [&signature](QTextDocument &document) { signature.install(document); });
    if (!pages)
        return pages.error();
    buffer.close();
    return bytes;
}

Result<QByteArray> DocumentWriter::letterToChildPdf(const LetterToChildDocument &letter)
{
    const auto pages = LetterToChildPages::layOut(letter);
    if (!pages)
        return pages.error();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return makeError(Error::Code::Internal, tr("The PDF could not be started."));
    const auto written = pages->writePdf(&buffer);
    if (!written)
        return written.error();
    buffer.close();
    return bytes;
}

Result<QList<QImage>> DocumentWriter::letterToChildPages(
    const LetterToChildDocument &letter, int pageWidth)
{
    const auto pages = LetterToChildPages::layOut(letter);
    if (!pages)
        return pages.error();
    return pages->images(pageWidth);
}

} // namespace doorstep

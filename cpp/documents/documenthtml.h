#pragma once

#include "documents/housepictureobject.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace doorstep
{

struct ConsentFormDocument;
struct CrisisCardDocument;
struct EndingLetterDocument;
struct FamilyPlanDocument;

/// Turns the family's documents into the HTML that PagedDocument lays out. Every text from
/// a record is escaped; every label goes through tr().
class DocumentHtml
{
    Q_DECLARE_TR_FUNCTIONS(doorstep::DocumentHtml)

public:
    /// Each house picture's place in the children's voices is an image named
    /// HousePictureObject::imageName(i) for the i-th of planPictures().
    static QString plan(const FamilyPlanDocument &plan);
    /// The houses the plan shows, in the order of their pictures, each with its card's frame.
    /// Only houses the child agreed to share: any other is left out here too.
    static QList<HousePictureObject::Framed> planPictures(const FamilyPlanDocument &plan);
    static QString crisisCard(const CrisisCardDocument &card);
    static QString endingLetter(const EndingLetterDocument &letter);
    /// The signature's place is an image named SignatureObject::imageName(), for
    /// SignatureObject::install() to draw.
    static QString consentForm(const ConsentFormDocument &form);

    /// The family's own words as paragraphs, exactly as written: each line of `text` is a
    /// paragraph (so each finds its own direction), spaces are kept, blank lines dropped.
    /// With `keepTogether` the paragraphs move to the next page as one rather than split.
    static QString words(const QString &text, bool keepTogether = false);
    /// The same as paragraphs of `cssClass`. With `keepTogether` each paragraph but the last
    /// stays on a page with the next; with `keepLast` the last does too.
    static QString ownWords(
        const QString &text, const QString &cssClass, bool keepTogether, bool keepLast = false);
};

} // namespace doorstep

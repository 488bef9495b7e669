#pragma once

#include <QCoreApplication>
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
    static QString plan(const FamilyPlanDocument &plan);
    static QString crisisCard(const CrisisCardDocument &card);
    static QString endingLetter(const EndingLetterDocument &letter);
    /// The signature's place is an image named SignatureObject::imageName(), for
    /// SignatureObject::install() to draw.
    static QString consentForm(const ConsentFormDocument &form);

    /// The family's own words as paragraphs, exactly as written: each line of `text` is a
    /// paragraph (so each finds its own direction), spaces are kept, blank lines dropped.
    /// With `keepTogether` the paragraphs move to the next page as one rather than split.
    static QString words(const QString &text, bool keepTogether = false);
};

} // namespace doorstep

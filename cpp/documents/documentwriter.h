#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QString>

namespace doorstep
{

struct ConsentFormDocument;
struct CrisisCardDocument;
struct EndingLetterDocument;
struct FamilyPlanDocument;
struct LetterToChildDocument;

/// Makes the documents a family keeps as PDFs: the plan and ending letter on A4, the crisis
/// card as an A5 card (two sides when it is full), saved as files. A file appears only once it
/// is complete (QSaveFile), and any file already at the path is replaced. Each write returns
/// the number of pages written. The signed consent form and the letter to a child are made in
/// memory only, for the encrypted store. Every call runs in the calling thread and takes a
/// fraction of a second.
class DocumentWriter
{
    Q_DECLARE_TR_FUNCTIONS(doorstep::DocumentWriter)

public:
    static Result<int> writePlan(const FamilyPlanDocument &plan, const QString &path);
    static Result<int> writeCrisisCard(const CrisisCardDocument &card, const QString &path);
    static Result<int> writeEndingLetter(const EndingLetterDocument &letter, const QString &path);

    /// The consent form as signed, on A4 (one page unless the purpose is very long), as PDF
    /// bytes: nothing is written to disk, as the form names the person and holds their
    /// signature.
    static Result<QByteArray> consentFormPdf(const ConsentFormDocument &form);

    /// The letter to a child after the three houses, on A4, as PDF bytes: nothing is written
    /// to disk, as it holds the child's own work. Only the houses the child agreed to share are
    /// in it, drawn as vector paths; it runs to as many pages as it needs. Refuses a letter
    /// with no child's name.
    static Result<QByteArray> letterToChildPdf(const LetterToChildDocument &letter);
    /// The same pages as letterToChildPdf() makes, as images `pageWidth` pixels wide (100 to
    /// 4096), for the app to show before the letter is exported.
    static Result<QList<QImage>> letterToChildPages(
        const LetterToChildDocument &letter, int pageWidth);
};

} // namespace doorstep

#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QString>

namespace doorstep
{

struct CrisisCardDocument;
struct EndingLetterDocument;
struct FamilyPlanDocument;

/// Saves the documents a family keeps as PDF files: the plan and ending letter on A4, the
/// crisis card as an A5 card (two sides when it is full). A file appears only once it is
/// complete (QSaveFile), and any file already at the path is replaced. Each call returns the
/// number of pages written; it runs in the calling thread and takes a fraction of a second.
class DocumentWriter
{
    Q_DECLARE_TR_FUNCTIONS(doorstep::DocumentWriter)

public:
    static Result<int> writePlan(const FamilyPlanDocument &plan, const QString &path);
    static Result<int> writeCrisisCard(const CrisisCardDocument &card, const QString &path);
    static Result<int> writeEndingLetter(const EndingLetterDocument &letter, const QString &path);
};

} // namespace doorstep

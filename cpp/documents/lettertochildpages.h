#pragma once

#include "domain/result.h"

#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QSizeF>
#include <QString>
#include <memory>

class QIODevice;
class QPainter;

namespace doorstep
{

struct LetterToChildDocument;

/// A letter to a child laid out once on A4 pages, then painted page by page, onto a PDF or
/// into the images the app previews it with, so the preview shows the PDF's very pages. Only
/// houses the child agreed to share are in it; each other house gets one line saying it stays
/// private. A house's heading and picture stay on one page, and no picture is ever split.
class LetterToChildPages
{
    Q_DECLARE_TR_FUNCTIONS(doorstep::LetterToChildPages)

public:
    /// The preview's page width in pixels is between these.
    static constexpr int minimumPageWidth = 100;
    static constexpr int maximumPageWidth = 4096;

    /// Lays out the letter; refuses one with no child's name.
    static Result<LetterToChildPages> layOut(const LetterToChildDocument &letter);

    LetterToChildPages(LetterToChildPages &&other) noexcept;
    LetterToChildPages &operator=(LetterToChildPages &&other) noexcept;
    ~LetterToChildPages();

    int pageCount() const;
    /// A page in the units paintPage() paints in: dots at PagedDocument::dotsPerInch.
    QSizeF pageSize() const;
    /// "A letter for Mia": the PDF's title.
    QString title() const;

    /// Paints page `index` (from 0) on a white page whose corners are (0, 0) and pageSize().
    void paintPage(QPainter &painter, int index) const;

    /// Writes every page as a PDF to `device` (open for writing).
    Result<void> writePdf(QIODevice *device) const;
    /// Every page as an image `pageWidth` pixels wide, white, in the page's proportions.
    Result<QList<QImage>> images(int pageWidth) const;

private:
    struct Layout;
    explicit LetterToChildPages(std::unique_ptr<Layout> layout);

    std::unique_ptr<Layout> m_layout;
};

} // namespace doorstep

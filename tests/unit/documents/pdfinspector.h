#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRectF>
#include <QRegularExpression>
#include <QSizeF>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <catch2/catch.hpp>
#include <optional>

namespace doorstep::test
{

/// Reads back a PDF the documents library wrote: its pages from the file itself, and its text
/// through poppler's pdftotext when installed (required when CI is set).
class PdfInspector
{
public:
    explicit PdfInspector(const QString &path)
        : m_path(path)
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        m_bytes = file.readAll();
    }

    bool isPdf() const { return m_bytes.startsWith("%PDF-") && m_bytes.contains("%%EOF"); }

    /// Page objects in the file: "/Type /Page" but not "/Type /Pages".
    int pageObjects() const
    {
        static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
        return int(QString::fromLatin1(m_bytes).count(page));
    }

    /// The first page's size in points, from its /MediaBox.
    QSizeF mediaBox() const
    {
        static const QRegularExpression box(
            QStringLiteral("/MediaBox\\s*\\[\\s*0\\s+0\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]"));
        const auto match = box.match(QString::fromLatin1(m_bytes));
        REQUIRE(match.hasMatch());
        return QSizeF(match.captured(1).toDouble(), match.captured(2).toDouble());
    }

    /// A poppler tool, or nothing when poppler-utils is missing and CI is not set.
    static std::optional<QString> tool(const char *name)
    {
        const QString found = QStandardPaths::findExecutable(QString::fromLatin1(name));
        if (found.isEmpty() && qEnvironmentVariableIsSet("CI"))
            FAIL(name << " is missing: install poppler-utils (listed in .ci/packages)");
        if (found.isEmpty())
            return std::nullopt;
        return found;
    }

    /// The page count as poppler's pdfinfo reads it, if pdfinfo is installed.
    std::optional<int> popplerPages() const
    {
        const auto pdfinfo = tool("pdfinfo");
        if (!pdfinfo)
            return std::nullopt;
        const QString info = run(*pdfinfo, { m_path });
        static const QRegularExpression pages(
            QStringLiteral("^Pages:\\s+(\\d+)$"), QRegularExpression::MultilineOption);
        const auto match = pages.match(info);
        REQUIRE(match.hasMatch());
        return match.captured(1).toInt();
    }

    /// All the text poppler can extract, pages separated by form feeds, if pdftotext is
    /// installed.
    std::optional<QString> text() const
    {
        const auto pdftotext = tool("pdftotext");
        if (!pdftotext)
            return std::nullopt;
        return run(*pdftotext,
            { QStringLiteral("-enc"), QStringLiteral("UTF-8"), m_path, QStringLiteral("-") });
    }

    /// A word poppler found, with its box in points from the page's top left.
    struct Word {
        QString text;
        int page = 0; ///< from 1
        QRectF box;
    };

    /// Every word with its position, if pdftotext is installed.
    std::optional<QList<Word>> words() const
    {
        const auto pdftotext = tool("pdftotext");
        if (!pdftotext)
            return std::nullopt;
        const QString html = run(*pdftotext,
            { QStringLiteral("-bbox"), QStringLiteral("-enc"), QStringLiteral("UTF-8"), m_path,
                QStringLiteral("-") });
        static const QRegularExpression item(
            QStringLiteral("<page |<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
                           "yMax=\"([0-9.]+)\">([^<]*)</word>"));
        QList<Word> found;
        int page = 0;
        for (auto it = item.globalMatch(html); it.hasNext();) {
            const auto match = it.next();
            if (match.captured(0).startsWith(QStringLiteral("<page"))) {
                ++page;
                continue;
            }
            const QPointF topLeft(match.captured(1).toDouble(), match.captured(2).toDouble());
            const QPointF bottomRight(match.captured(3).toDouble(), match.captured(4).toDouble());
            found.append({ match.captured(5), page, QRectF(topLeft, bottomRight) });
        }
        return found;
    }

    /// The first page as poppler's pdftoppm draws it, in shades of grey at `dotsPerInch`, if
    /// pdftoppm is installed.
    std::optional<QImage> firstPage(int dotsPerInch) const
    {
        const auto pdftoppm = tool("pdftoppm");
        if (!pdftoppm)
            return std::nullopt;
        QTemporaryDir folder;
        REQUIRE(folder.isValid());
        const QString stem = folder.filePath(QStringLiteral("page"));
        run(*pdftoppm,
            { QStringLiteral("-png"), QStringLiteral("-gray"), QStringLiteral("-singlefile"),
                QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                QStringLiteral("1"), QStringLiteral("-r"), QString::number(dotsPerInch), m_path,
                stem });
        QImage page(stem + QStringLiteral(".png"));
        REQUIRE_FALSE(page.isNull());
        return page.convertToFormat(QImage::Format_Grayscale8);
    }

    /// Every page of the PDF at `pdf` as pdftoppm draws it in colour (RGB32), or nothing when
    /// pdftoppm is missing.
    static std::optional<QList<QImage>> colourPages(const QString &pdf, int dotsPerInch)
    {
        const auto pdftoppm = tool("pdftoppm");
        if (!pdftoppm)
            return std::nullopt;
        QTemporaryDir folder;
        REQUIRE(folder.isValid());
        QProcess process;
        process.start(*pdftoppm,
            { QStringLiteral("-r"), QString::number(dotsPerInch), QStringLiteral("-png"), pdf,
                folder.filePath(QStringLiteral("page")) });
        REQUIRE(process.waitForFinished(60000));
        REQUIRE(process.exitCode() == 0);
        QList<QImage> pages;
        const QStringList files
            = QDir(folder.path())
                  .entryList({ QStringLiteral("page-*.png") }, QDir::Files, QDir::Name);
        for (const QString &file : files) {
            QImage page(folder.filePath(file));
            REQUIRE_FALSE(page.isNull());
            pages.append(page.convertToFormat(QImage::Format_RGB32));
        }
        return pages;
    }

    /// Pixels within a small distance of `colour`, on all the pages.
    static int pixelsNear(const QList<QImage> &pages, QRgb colour)
    {
        int count = 0;
        for (const QImage &page : pages) {
            const QImage rgb = page.convertToFormat(QImage::Format_RGB32);
            for (int y = 0; y < rgb.height(); ++y) {
                const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
                for (int x = 0; x < rgb.width(); ++x) {
                    count += std::abs(qRed(line[x]) - qRed(colour)) < 48
                        && std::abs(qGreen(line[x]) - qGreen(colour)) < 48
                        && std::abs(qBlue(line[x]) - qBlue(colour)) < 48;
                }
            }
        }
        return count;
    }

private:
    static QString run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        REQUIRE(process.waitForFinished(30000));
        INFO(process.readAllStandardError().toStdString());
        REQUIRE(process.exitStatus() == QProcess::NormalExit);
        REQUIRE(process.exitCode() == 0);
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    QString m_path;
    QByteArray m_bytes;
};

/// Where a test writes its PDFs: DOORSTEP_DOCUMENT_DIR when set, so a reviewer can open
/// them, otherwise a temporary folder removed afterwards.
class DocumentFolder
{
public:
    DocumentFolder()
    {
        const QString kept = qEnvironmentVariable("DOORSTEP_DOCUMENT_DIR");
        if (!kept.isEmpty()) {
            REQUIRE(QDir().mkpath(kept));
            m_path = kept;
        } else {
            m_temporary.emplace();
            REQUIRE(m_temporary->isValid());
            m_path = m_temporary->path();
        }
    }

    QString filePath(const QString &name) const { return QDir(m_path).filePath(name); }
    QString path() const { return m_path; }

private:
    std::optional<QTemporaryDir> m_temporary;
    QString m_path;
};

} // namespace doorstep::test

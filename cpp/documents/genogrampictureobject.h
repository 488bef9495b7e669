#pragma once

#include "documents/familyplandocument.h"
#include "genogram/ecomaplayout.h"

#include <QObject>
#include <QSizeF>
#include <QTextObjectInterface>
#include <optional>

class QTextDocument;

namespace doorstep
{

/// The family's genogram and ecomap in the text of the plan, each fitted to the width it is
/// given with its key under it, drawn as vector paths and text by GenogramPainter and
/// EcomapPainter. As HousePictureObject does, it takes the place of images named by
/// genogramImageName() and ecomapImageName() once install()ed; each picture is one line of its
/// paragraph, so it moves to the next page whole.
class GenogramPictureObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    static constexpr int objectType = QTextFormat::UserObject + 3;

    GenogramPictureObject(std::optional<FamilyPlanDocument::GenogramPicture> genogram,
        std::optional<FamilyPlanDocument::EcomapPicture> ecomap, QObject *parent = nullptr);

    static QString genogramImageName();
    static QString ecomapImageName();
    /// The size in points of each picture with its key, @p width points wide.
    static QSizeF genogramSize(const FamilyPlanDocument::GenogramPicture &picture, double width);
    static QSizeF ecomapSize(const FamilyPlanDocument::EcomapPicture &picture, double width);

    void install(QTextDocument &document);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
        const QTextFormat &format) override;

private:
    std::optional<FamilyPlanDocument::GenogramPicture> m_genogram;
    std::optional<EcomapLayout> m_ecomap;
};

} // namespace doorstep

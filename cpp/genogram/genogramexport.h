#pragma once

#include "genogram/ecomaplayout.h"
#include "genogram/genogram.h"
#include "genogram/genogramlayout.h"

#include <QByteArray>
#include <QString>

namespace doorstep
{

/// The genogram and the ecomap as files to print or share: each with its title above and its
/// key below, all vectors and text (no pictures of pixels). SVG at 48 px per symbol; PDF on one
/// A4 landscape page, fitted. An empty genogram or ecomap still gives a page with the title.
class GenogramExport
{
public:
    static QByteArray svg(
        const Genogram &genogram, const GenogramLayout &layout, const QString &title);
    static QByteArray pdf(
        const Genogram &genogram, const GenogramLayout &layout, const QString &title);
    static QByteArray ecomapSvg(const EcomapLayout &layout, const QString &title);
    static QByteArray ecomapPdf(const EcomapLayout &layout, const QString &title);
};

} // namespace doorstep

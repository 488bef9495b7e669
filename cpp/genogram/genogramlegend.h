#pragma once

#include "genogram/genogram.h"
#include "genogram/genogrampainter.h"

#include <QCoreApplication>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

class QPainter;

namespace doorstep
{

/// The key to the genogram's and the ecomap's notation: each symbol and line style beside
/// what it means, drawn as GenogramPainter and EcomapPainter draw them, in columns.
class GenogramLegend
{
    Q_DECLARE_TR_FUNCTIONS(doorstep::GenogramLegend)

public:
    /// One line of the key, in the order the key lists them.
    enum class Entry {
        Male,
        Female,
        Unknown,
        Pregnancy,
        Index,
        Deceased,
        Interpreter,
        Household,
        Married,
        Cohabiting,
        Separated,
        Divorced,
        Biological,
        Adopted,
        Foster,
        Step,
        IdenticalTwins,
        Close,
        Distant,
        Conflict,
        CutOff,
        Abuse,
        Support,
        EcomapStrong,
        EcomapWeak,
        EcomapStressful,
    };

    /// The entries @p genogram's drawing uses (shown lines only), in key order.
    static QList<Entry> usedEntries(const Genogram &genogram);
    /// Every genogram entry (not the ecomap's).
    static QList<Entry> allEntries();
    /// The ecomap's three kinds of link.
    static QList<Entry> ecomapEntries();
    static QString label(Entry entry);

    /// The key's size in painter units when a symbol is @p unit across and the key may be at
    /// most @p maxWidth wide (it takes as many columns as fit, at least one).
    static QSizeF size(const QList<Entry> &entries, double unit, double maxWidth,
        const QString &fontFamily = QString());
    /// Paints the key at @p rect's top left, laid out as size() gives for @p rect's width.
    /// Uses @p options' colours and font; its transform is ignored.
    static void paint(QPainter &painter, const QRectF &rect, const QList<Entry> &entries,
        double unit, const GenogramPaintOptions &options);
};

} // namespace doorstep

#pragma once

#include "genogram/genogramscene.h"

#include <QObject>
#include <QtQml/qqml.h>

namespace doorstep
{

// GenogramScene lives in the drawing library, which has no Qt Quick or QML in it, so that a
// controller in Doorstep.Models can hold one without linking Qt Quick; this makes it known
// to QML, as the type GenogramView.scene takes.
struct GenogramSceneForeign {
    Q_GADGET
    QML_FOREIGN(doorstep::GenogramScene)
    QML_NAMED_ELEMENT(GenogramScene)
    QML_UNCREATABLE("A GenogramController gives its scene.")
};

} // namespace doorstep

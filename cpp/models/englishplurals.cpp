#include "models/englishplurals.h"

#include <QCoreApplication>

namespace doorstep
{

bool EnglishPlurals::install()
{
    static QTranslator translator;
    if (!translator.isEmpty())
        return true;
    if (!translator.load(QStringLiteral(":/doorstep/i18n/doorstep_en.qm")))
        return false;
    return QCoreApplication::installTranslator(&translator);
}

} // namespace doorstep

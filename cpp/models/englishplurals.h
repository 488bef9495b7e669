#pragma once

#include <QTranslator>

namespace doorstep
{

/// The app's own English, for counted text only: "1 day" but "3 days", "1 attempt left".
/// The source texts are English plurals ("%n days"); Qt picks a singular only from a
/// translation's numerus forms, so this one (translations/doorstep_en.ts, numerus messages
/// only) is installed first, under any real translation. Update it with `lupdate -pluralonly`
/// when a counted text is added or changed.
class EnglishPlurals
{
public:
    /// Loads the English numerus forms and installs them for the application; false (and
    /// plural-only English) if they cannot be loaded. The translator lives as long as the
    /// application.
    static bool install();
};

} // namespace doorstep

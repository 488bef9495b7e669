#pragma once

#include <QTranslator>

namespace doorstep
{

/// Translates every string into a pseudo-language: accented, wrapped in ⟦ ⟧ and about 40%
/// longer. A screen shown through it reveals text that skips qsTr (it stays plain) and
/// layouts that clip when a real translation runs longer than English. Strings whose
/// disambiguation names them a format ("date format") are only wrapped.
class PseudoTranslator : public QTranslator
{
    Q_OBJECT

public:
    using QTranslator::QTranslator;

    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText,
        const char *disambiguation = nullptr, int n = -1) const override;

    /// The pseudo-translation of one source text (placeholders such as %1 and %n kept).
    static QString pseudo(const QString &source);
    /// True if the text is, or contains, a pseudo-translated string.
    static bool isPseudo(const QString &text);

    static constexpr QChar Open = QChar(0x27E6);
    static constexpr QChar Close = QChar(0x27E7);
};

} // namespace doorstep

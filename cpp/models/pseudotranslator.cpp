#include "models/pseudotranslator.h"

#include <QHash>

namespace doorstep
{

namespace
{

// Accented look-alikes keep the text readable while showing it went through translation.
QChar accented(QChar c)
{
    static const QHash<QChar, QChar> map = [] {
        QHash<QChar, QChar> m;
        const QString plain = QStringLiteral("aceinosuyAEIOUCNSYz");
        const QString marked = QStringLiteral("\u00e1\u00e7\u00e9\u00ee\u00f1\u00f6\u0161\u00fa"
                                              "\u00fd\u00c5\u00c9\u00ce\u00d8\u00dc\u00c7\u00d1"
                                              "\u0160\u00dd\u017e");
        for (int i = 0; i < plain.size(); ++i)
            m.insert(plain.at(i), marked.at(i));
        return m;
    }();
    return map.value(c, c);
}

} // namespace

QString PseudoTranslator::translate(
    const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    Q_UNUSED(context)
    Q_UNUSED(n)
    if (!sourceText || !*sourceText)
        return {};
    const QString source = QString::fromUtf8(sourceText);
    // A date or time format's letters are its pattern: accenting them would change it.
    if (disambiguation && QByteArray(disambiguation).contains("format"))
        return Open + source + Close;
    return pseudo(source);
}

QString PseudoTranslator::pseudo(const QString &source)
{
    QString out;
    out.reserve(source.size() * 2 + 2);
    out += Open;
    int letters = 0;
    for (int i = 0; i < source.size(); ++i) {
        const QChar c = source.at(i);
        // Placeholders (%1, %n, %L1) and rich-text tags must survive untouched.
        if (c == QLatin1Char('%') && i + 1 < source.size()) {
            int end = i + 1;
            if (source.at(end) == QLatin1Char('L') && end + 1 < source.size())
                ++end;
            if (source.at(end).isDigit() || source.at(end) == QLatin1Char('n')) {
                while (end + 1 < source.size() && source.at(end + 1).isDigit())
                    ++end;
                out += QStringView(source).mid(i, end - i + 1);
                i = end;
                continue;
            }
        }
        if (c == QLatin1Char('<')) {
            const int end = source.indexOf(QLatin1Char('>'), i);
            if (end > i) {
                out += QStringView(source).mid(i, end - i + 1);
                i = end;
                continue;
            }
        }
        if (c.isLetter())
            ++letters;
        out += accented(c);
    }
    // German and Polish run about 30-40% longer than English: pad by that much.
    const int padding = (letters * 2 + 4) / 5;
    out += QString(padding, QChar(0x00B7));
    out += Close;
    return out;
}

bool PseudoTranslator::isPseudo(const QString &text)
{
    return text.contains(Open) && text.contains(Close);
}

} // namespace doorstep

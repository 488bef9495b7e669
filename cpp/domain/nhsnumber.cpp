#include "domain/nhsnumber.h"

#include <QList>

namespace doorstep
{

namespace
{

constexpr int digitCount = 10;

bool isAsciiDigit(QChar c)
{
    // QChar::isDigit() also accepts Arabic-Indic and other digits, which no other
    // agency's system would match against.
    return c >= u'0' && c <= u'9';
}

bool isSeparator(QChar c)
{
    // isSpace() covers the non-breaking spaces that come with text pasted from letters.
    return c.isSpace() || c == u'-';
}

// What the person typed, shortened so a pasted paragraph doesn't become the message.
QString echo(const QString &trimmed)
{
    constexpr int maxEcho = 20;
    if (trimmed.size() <= maxEcho)
        return trimmed;
    return trimmed.left(maxEcho) + QChar(0x2026);
}

// The runs of digits between separators, or an empty list when the text starts or ends
// with a hyphen or a gap holds more than one ("943--476"): slips worth pointing out
// rather than guessing past.
QList<int> digitGroups(const QString &trimmed)
{
    if (!isAsciiDigit(trimmed.front()) || !isAsciiDigit(trimmed.back()))
        return {};
    QList<int> groups;
    int run = 0;
    int hyphensInGap = 0;
    for (const QChar c : trimmed) {
        if (isAsciiDigit(c)) {
            ++run;
            hyphensInGap = 0;
            continue;
        }
        if (run > 0)
            groups.append(run);
        run = 0;
        if (c == u'-' && ++hyphensInGap > 1)
            return {};
    }
    groups.append(run);
    return groups;
}

// The NHS modulus-11 check digit of the first nine digits, or 10 when no digit fits
// (such numbers are never issued).
int checkDigit(const QString &digits)
{
    int sum = 0;
    for (int i = 0; i < 9; ++i)
        sum += digits.at(i).digitValue() * (10 - i);
    const int result = 11 - (sum % 11);
    return result == 11 ? 0 : result;
}

QString group334(const QString &digits)
{
    return digits.left(3) + u' ' + digits.mid(3, 3) + u' ' + digits.mid(6);
}

} // namespace

NhsNumber::NhsNumber(QString digits)
    : m_digits(std::move(digits))
{
}

// The messages repeat the number because the person needs to see what was read. They
// are for the screen only: an NHS number is personal data and must not be logged.
Result<NhsNumber> NhsNumber::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return makeError(Error::Code::InvalidArgument,
            tr("No NHS number was entered. An NHS number is 10 digits, like "
               "943 476 5919."));

    QString digits;
    for (int i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (isAsciiDigit(c)) {
            digits.append(c);
            continue;
        }
        if (isSeparator(c))
            continue;
        // Keep both halves of a surrogate pair so an emoji is shown whole.
        const int length = c.isHighSurrogate() && i + 1 < trimmed.size() ? 2 : 1;
        return makeError(Error::Code::InvalidArgument,
            tr("NHS number \"%1\" is not valid: it contains \"%2\". An NHS number "
               "is made only of digits, which may be grouped 3-3-4 with spaces or "
               "hyphens.")
                .arg(echo(trimmed), trimmed.mid(i, length)));
    }

    if (digits.size() != digitCount)
        return makeError(Error::Code::InvalidArgument,
            tr("NHS number \"%1\" is not valid: an NHS number has 10 digits, and "
               "this has %2. Check it was copied correctly.")
                .arg(echo(trimmed))
                .arg(digits.size()));

    const QList<int> groups = digitGroups(trimmed);
    if (groups != QList<int> { 10 } && groups != QList<int> { 3, 3, 4 })
        return makeError(Error::Code::InvalidArgument,
            tr("NHS number \"%1\" is not valid: its spaces or hyphens are in the "
               "wrong places. Write it as 10 digits, or grouped 3-3-4 like "
               "943 476 5919.")
                .arg(echo(trimmed)));

    // Every number made of one repeated digit passes the modulus-11 check (the weights sum
    // to 54, which is -1 mod 11, so the check digit always equals the repeated digit), and
    // "0000000000" or "9999999999" is what gets typed when the real number is unknown.
    // None is ever issued, so accepting one would let a stand-in number link unrelated
    // children across agencies.
    if (digits.count(digits.front()) == digitCount)
        return makeError(Error::Code::InvalidArgument,
            tr("NHS number %1 is a stand-in, not a real NHS number. Leave it "
               "blank if the NHS number is not known.")
                .arg(group334(digits)));

    const int expected = checkDigit(digits);
    if (expected == 10)
        return makeError(Error::Code::InvalidArgument,
            tr("NHS number %1 is not valid: no check digit fits its first nine "
               "digits, so at least one digit is wrong. Check it was copied "
               "correctly.")
                .arg(group334(digits)));
    if (expected != digits.back().digitValue())
        return makeError(Error::Code::InvalidArgument,
            tr("NHS number %1 is not valid: its check digit does not match. Check "
               "it was copied correctly.")
                .arg(group334(digits)));

    return NhsNumber(digits);
}

QString NhsNumber::formatted() const
{
    return group334(m_digits);
}

} // namespace doorstep

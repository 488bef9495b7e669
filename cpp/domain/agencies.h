#pragma once

#include <QString>
#include <QStringList>

namespace doorstep
{

/// The agencies a family's information may be shared with, by stable key. The keys are
/// stored in consent records (comma-separated, in this order) and never change; what a
/// screen calls each one is the models' business.
class Agencies
{
public:
    /// school, health, police, housing, dwp, social_care, voluntary_sector.
    static const QStringList &keys();
    static bool isKnown(const QString &key);
    /// The keys in a stored list, trimmed and lower-cased, each once, in stored order.
    /// Unknown keys are kept (a newer device may know more agencies) but never match
    /// a known one.
    static QStringList decode(const QString &stored);
    /// Keys as stored: each once, known ones in the order of keys(), unknown ones after.
    static QString encode(const QStringList &agencies);
    /// How an untranslated English sentence names the agency after "with": "the school",
    /// "health services"; the key itself when unknown. For doorstep-cli and documents; the
    /// app's screens use their own translated names.
    static QString englishPhrase(const QString &key);
};

} // namespace doorstep

#pragma once

#include <QDateTime>
#include <QString>

namespace doorstep
{

/// A document kept as it was made, such as the consent form as signed. Its bytes are a blob
/// named by their SHA-256, which may not have arrived on this tablet yet (sync/PROTOCOL.md,
/// "Blobs"). Never changed: a new version is a new document.
struct Document {
    QString id;
    QString familyId;
    QString purpose; ///< signed_consent, letter_to_child, three_houses, other
    QString aboutId; ///< the record it is of (a consent's id); may be empty
    QString title;
    QString mediaType; ///< application/pdf or image/png
    QString sha256;
    qint64 size = 0;
    QDateTime madeAt;
    bool bytesHere = false; ///< the whole blob is on this tablet
};

} // namespace doorstep

#pragma once

#include "domain/result.h"
#include "protocol/syncmessages.h"

#include <QByteArray>
#include <QByteArrayView>

namespace doorstep::sync
{

/// What a body may hold before it is refused. The defaults are the server's; a test may
/// lower them.
struct CodecLimits {
    qsizetype maxBodyBytes = 8 * 1024 * 1024;
    qsizetype maxOps = 5000;
    qsizetype maxStringBytes = 256 * 1024; ///< a text or byte value, id or field name
    qsizetype maxReplaces = 64;
    int maxDepth = 8; ///< maps and arrays inside one another
};

/// CBOR bodies of version ProtocolVersion (sync/PROTOCOL.md). Encoding cannot fail. Decoding
/// takes bytes from the network: anything that is not exactly a well-formed body of the
/// expected type, within the limits, is an InvalidArgument error whose message says what
/// was wrong (and never echoes the bytes); an unknown version is Unsupported.
class SyncCodec
{
public:
    static QByteArray encode(const PushRequest &request);
    static QByteArray encode(const PushReply &reply);
    static QByteArray encode(const PullRequest &request);
    static QByteArray encode(const PullReply &reply);
    static QByteArray encode(const ErrorReply &reply);
    static QByteArray encode(const EnrolRequest &request);
    static QByteArray encode(const EnrolReply &reply);
    static QByteArray encode(const BlobPutRequest &request);
    static QByteArray encode(const BlobPutReply &reply);
    static QByteArray encode(const BlobGetRequest &request);
    static QByteArray encode(const BlobGetReply &reply);
    static QByteArray encode(const FamilyAuditRequest &request);
    static QByteArray encode(const FamilyAuditReply &reply);

    static Result<PushRequest> decodePushRequest(
        QByteArrayView body, const CodecLimits &limits = {});
    static Result<PushReply> decodePushReply(QByteArrayView body, const CodecLimits &limits = {});
    static Result<PullRequest> decodePullRequest(
        QByteArrayView body, const CodecLimits &limits = {});
    static Result<PullReply> decodePullReply(QByteArrayView body, const CodecLimits &limits = {});
    static Result<EnrolRequest> decodeEnrolRequest(
        QByteArrayView body, const CodecLimits &limits = {});
    static Result<EnrolReply> decodeEnrolReply(QByteArrayView body, const CodecLimits &limits = {});
    static Result<ErrorReply> decodeErrorReply(QByteArrayView body, const CodecLimits &limits = {});
    /// Blob bodies may carry up to MaxBlobRangeBytes of data, whatever maxStringBytes says.
    static Result<BlobPutRequest> decodeBlobPutRequest(
        QByteArrayView body, const CodecLimits &limits = {});
    static Result<BlobPutReply> decodeBlobPutReply(
        QByteArrayView body, const CodecLimits &limits = {});
    static Result<BlobGetRequest> decodeBlobGetRequest(
        QByteArrayView body, const CodecLimits &limits = {});
    static Result<BlobGetReply> decodeBlobGetReply(
        QByteArrayView body, const CodecLimits &limits = {});
    static Result<FamilyAuditRequest> decodeFamilyAuditRequest(
        QByteArrayView body, const CodecLimits &limits = {});
    static Result<FamilyAuditReply> decodeFamilyAuditReply(
        QByteArrayView body, const CodecLimits &limits = {});
};

} // namespace doorstep::sync

#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace doorstep::server
{

/// What a new certificate should say: who it names and when it is valid.
struct CertificateRequest {
    /// The subject's common name: the council's CA name, or for a server one of hostNames
    /// (Qt clients also accept a host that matches the common name, so a name outside
    /// hostNames would quietly widen where the certificate is valid).
    QString commonName;
    /// Server certificates only: DNS names and IP addresses, put in subjectAltName.
    QStringList hostNames;
    /// Null means five minutes ago, so a tablet whose clock runs a little slow accepts it.
    QDateTime notBefore;
    /// Null means ten years after notBefore for a CA and 825 days for a server.
    QDateTime notAfter;
};

/// A certificate with its private key, as Qt objects and as the PEM written to disk.
struct Issued {
    QSslCertificate certificate;
    QSslKey key;
    QByteArray certificatePem;
    QByteArray keyPem; ///< unencrypted PKCS#8: the server loads it unattended
};

/// Makes a council's own certificate authority and the sync server's certificate for a
/// pilot, so tablets can pin the CA they were enrolled with instead of trusting the
/// system's roots.
class Pki
{
public:
    /// A self-signed CA that may sign server certificates but no further CAs.
    static Result<Issued> makeCertificateAuthority(const CertificateRequest &request);
    /// A TLS server certificate for request.hostNames, signed by `authority`.
    static Result<Issued> makeServerCertificate(
        const Issued &authority, const CertificateRequest &request);
    /// Writes the certificate (0644) and key (0600) atomically, each to a new file:
    /// AlreadyExists if either path is taken, and nothing is left behind on failure.
    static Result<void> writeTo(
        const Issued &issued, const QString &certificatePath, const QString &keyPath);
    /// Reads what writeTo() wrote, refusing a key that does not match the certificate.
    static Result<Issued> readFrom(const QString &certificatePath, const QString &keyPath);
};

} // namespace doorstep::server

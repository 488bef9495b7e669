#include "server/pki.h"

#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QList>
#include <QUrl>
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <utility>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#else
// Refusing to overwrite rests on POSIX link(), durability on fsync() of a directory.
#error "Pki needs a POSIX file system API"
#endif

namespace doorstep::server
{

namespace
{

template <auto Free> struct FreeWith {
    template <typename T> void operator()(T *pointer) const { Free(pointer); }
};

using PKey = std::unique_ptr<EVP_PKEY, FreeWith<EVP_PKEY_free>>;
using PKeyContext = std::unique_ptr<EVP_PKEY_CTX, FreeWith<EVP_PKEY_CTX_free>>;
using Certificate = std::unique_ptr<X509, FreeWith<X509_free>>;
using Name = std::unique_ptr<X509_NAME, FreeWith<X509_NAME_free>>;
using Extension = std::unique_ptr<X509_EXTENSION, FreeWith<X509_EXTENSION_free>>;
using Bio = std::unique_ptr<BIO, FreeWith<BIO_free_all>>;
using BigNumber = std::unique_ptr<BIGNUM, FreeWith<BN_free>>;
using GeneralName = std::unique_ptr<GENERAL_NAME, FreeWith<GENERAL_NAME_free>>;
using GeneralNames = std::unique_ptr<GENERAL_NAMES, FreeWith<GENERAL_NAMES_free>>;
using OctetString = std::unique_ptr<ASN1_OCTET_STRING, FreeWith<ASN1_OCTET_STRING_free>>;
using Ia5String = std::unique_ptr<ASN1_IA5STRING, FreeWith<ASN1_IA5STRING_free>>;

// RFC 5280's upper bound on a common name, which OpenSSL enforces while signing.
constexpr int maxCommonNameLength = 64;
// Certificates and keys are a few kilobytes; a bigger file is the wrong file.
constexpr qint64 maxPemFileSize = qint64(1) << 20;
// How slow a tablet's clock may run and still accept a certificate made just now.
constexpr qint64 clockSkewSeconds = qint64(5) * 60;

enum class Kind { Authority, Server };

Error invalid(const QString &message)
{
    return makeError(Error::Code::InvalidArgument, message);
}

// OpenSSL's message names the failing function and reason, never key material.
Error openSslError(const QString &what)
{
    // The oldest queued error is the cause; any later ones are its consequences.
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return makeError(Error::Code::Internal, QStringLiteral("OpenSSL could not %1.").arg(what));
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return makeError(Error::Code::Internal,
        QStringLiteral("OpenSSL could not %1: %2.").arg(what, QString::fromLatin1(text)));
}

Error ioError(const QString &what, int error)
{
    return makeError(
        Error::Code::Io, QStringLiteral("Could not %1: %2.").arg(what, qt_error_string(error)));
}

struct Validity {
    QDateTime notBefore;
    QDateTime notAfter;
};

Result<Validity> validityOf(const CertificateRequest &request, Kind kind)
{
    Validity validity;
    validity.notBefore = request.notBefore.isValid()
        ? request.notBefore
        : QDateTime::currentDateTimeUtc().addSecs(-clockSkewSeconds);
    if (request.notAfter.isValid())
        validity.notAfter = request.notAfter;
    else if (kind == Kind::Authority)
        validity.notAfter = validity.notBefore.addYears(10);
    else
        // Apple's platforms refuse TLS server certificates valid for longer than 825 days,
        // even when they chain to a CA the user installed.
        validity.notAfter = validity.notBefore.addDays(825);
    if (validity.notAfter <= validity.notBefore)
        return invalid(QStringLiteral("A certificate must end after it starts."));
    return validity;
}

Result<void> checkCommonName(const QString &commonName)
{
    if (commonName.trimmed().isEmpty())
        return invalid(QStringLiteral("A certificate needs a common name."));
    if (commonName.toUcs4().size() > maxCommonNameLength)
        return invalid(QStringLiteral("A common name can have at most %1 characters.")
                           .arg(maxCommonNameLength));
    return {};
}

struct HostName {
    bool isAddress = false;
    QByteArray text; ///< a normalised address, or an ASCII (punycode) DNS name
};

bool isDnsLabel(QByteArrayView label)
{
    if (label.isEmpty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
        return false;
    return std::all_of(label.begin(), label.end(),
        [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// The names go straight into GENERAL_NAME values rather than through OpenSSL's "DNS:a,IP:b"
// configuration syntax, so no name can smuggle in another by containing a comma.
Result<QList<HostName>> parseHostNames(const QStringList &hostNames)
{
    QList<HostName> parsed;
    for (const QString &entry : hostNames) {
        const QString name = entry.trimmed();
        HostName host;
        const QHostAddress address(name);
        if (!address.isNull()) {
            if (!address.scopeId().isEmpty())
                return invalid(QStringLiteral("An IP address in a certificate cannot have a "
                                              "scope: %1.")
                                   .arg(name));
            host.isAddress = true;
            host.text = address.toString().toLatin1();
        } else {
            host.text = QUrl::toAce(name.toLower());
            const QList<QByteArray> labels = host.text.split('.');
            bool valid = !host.text.isEmpty() && host.text.size() <= 253;
            for (const QByteArray &label : labels)
                valid = valid && isDnsLabel(label);
            // Wildcards are refused: a pilot server has names of its own.
            if (!valid)
                return invalid(QStringLiteral("Not a host name or IP address: %1.").arg(name));
        }
        const bool seen = std::any_of(parsed.cbegin(), parsed.cend(), [&](const HostName &other) {
            return other.isAddress == host.isAddress && other.text == host.text;
        });
        if (!seen)
            parsed.append(host);
    }
    if (parsed.isEmpty())
        return invalid(QStringLiteral("A server certificate needs at least one host name."));
    return parsed;
}

// ECDSA P-256 rather than RSA 3072: the same 128-bit security with far smaller keys and
// signatures, cheaper handshakes for tablets, and key generation in milliseconds instead of
// seconds. Qt, OpenSSL, Android and Apple's TLS stacks all accept it for server certificates.
Result<PKey> generateKey()
{
    const PKeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    if (!context || EVP_PKEY_keygen_init(context.get()) <= 0
        || EVP_PKEY_CTX_set_group_name(context.get(), "P-256") <= 0)
        return openSslError(QStringLiteral("prepare an EC key"));
    EVP_PKEY *key = nullptr;
    if (EVP_PKEY_generate(context.get(), &key) <= 0)
        return openSslError(QStringLiteral("generate an EC key"));
    return PKey(key);
}

Result<void> setRandomSerial(X509 *certificate)
{
    // 128 random bits: unpredictable serials are what RFC 5280 and CA/Browser practice ask
    // for, and a DER INTEGER of at most 17 octets stays within the 20 allowed.
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return openSslError(QStringLiteral("make a random serial number"));
    const BigNumber serial(BN_bin2bn(bytes, sizeof bytes, nullptr));
    if (!serial || BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) == nullptr)
        return openSslError(QStringLiteral("set the serial number"));
    return {};
}

Result<void> setTime(ASN1_TIME *field, const QDateTime &when)
{
    if (ASN1_TIME_set(field, static_cast<time_t>(when.toSecsSinceEpoch())) == nullptr)
        return openSslError(QStringLiteral("set the validity period"));
    return {};
}

// Everything but the issuer, extensions and signature.
Result<Certificate> newCertificate(
    const QString &commonName, const Validity &validity, EVP_PKEY *subjectKey)
{
    Certificate certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), X509_VERSION_3) != 1)
        return openSslError(QStringLiteral("make a certificate"));
    if (auto serial = setRandomSerial(certificate.get()); !serial)
        return serial.error();

    const Name subject(X509_NAME_new());
    const QByteArray name = commonName.toUtf8();
    if (!subject
        || X509_NAME_add_entry_by_NID(subject.get(), NID_commonName, MBSTRING_UTF8,
               reinterpret_cast<const unsigned char *>(name.constData()), int(name.size()), -1, 0)
            != 1
        || X509_set_subject_name(certificate.get(), subject.get()) != 1)
        return openSslError(QStringLiteral("set the subject name"));

    if (auto from = setTime(X509_getm_notBefore(certificate.get()), validity.notBefore); !from)
        return from.error();
    if (auto until = setTime(X509_getm_notAfter(certificate.get()), validity.notAfter); !until)
        return until.error();
    if (X509_set_pubkey(certificate.get(), subjectKey) != 1)
        return openSslError(QStringLiteral("set the public key"));
    return certificate;
}

Result<void> addExtension(X509 *certificate, X509V3_CTX *context, int nid, const char *value)
{
    const Extension extension(X509V3_EXT_conf_nid(nullptr, context, nid, value));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1)
        return openSslError(
            QStringLiteral("add the %1 extension").arg(QLatin1String(OBJ_nid2sn(nid))));
    return {};
}

Result<void> addSubjectAltNames(X509 *certificate, const QList<HostName> &hosts)
{
    const GeneralNames names(GENERAL_NAMES_new());
    if (!names)
        return openSslError(QStringLiteral("list the host names"));
    for (const HostName &host : hosts) {
        GeneralName name(GENERAL_NAME_new());
        if (!name)
            return openSslError(QStringLiteral("add a host name"));
        if (host.isAddress) {
            OctetString address(a2i_IPADDRESS(host.text.constData()));
            if (!address)
                return openSslError(QStringLiteral("encode an IP address"));
            GENERAL_NAME_set0_value(name.get(), GEN_IPADD, address.release());
        } else {
            Ia5String dns(ASN1_IA5STRING_new());
            if (!dns
                || ASN1_STRING_set(dns.get(), host.text.constData(), int(host.text.size())) != 1)
                return openSslError(QStringLiteral("encode a host name"));
            GENERAL_NAME_set0_value(name.get(), GEN_DNS, dns.release());
        }
        if (sk_GENERAL_NAME_push(names.get(), name.get()) <= 0)
            return openSslError(QStringLiteral("add a host name"));
        (void)name.release();
    }
    if (X509_add1_ext_i2d(certificate, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT)
        != 1)
        return openSslError(QStringLiteral("add the subjectAltName extension"));
    return {};
}

Result<void> sign(X509 *certificate, EVP_PKEY *issuerKey)
{
    if (X509_sign(certificate, issuerKey, EVP_sha256()) <= 0)
        return openSslError(QStringLiteral("sign the certificate"));
    return {};
}

QByteArray contentsOf(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, size) : QByteArray();
}

Result<QSsl::KeyAlgorithm> qtAlgorithmOf(EVP_PKEY *key)
{
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_EC:
        return QSsl::Ec;
    case EVP_PKEY_RSA:
        return QSsl::Rsa;
    default:
        return makeError(Error::Code::Unsupported,
            QStringLiteral("Only EC and RSA keys can be used for Doorstep's TLS."));
    }
}

Result<Issued> toIssued(X509 *certificate, EVP_PKEY *key)
{
    const auto algorithm = qtAlgorithmOf(key);
    if (!algorithm)
        return algorithm.error();

    Issued issued;
    const Bio certificateBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || PEM_write_bio_X509(certificateBio.get(), certificate) != 1)
        return openSslError(QStringLiteral("encode the certificate"));
    issued.certificatePem = contentsOf(certificateBio.get());

    // Secure memory is zeroed when freed, so the key's PEM leaves no copy in OpenSSL's heap.
    const Bio keyBio(BIO_new(BIO_s_secmem()));
    if (!keyBio
        || PEM_write_bio_PrivateKey(keyBio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return openSslError(QStringLiteral("encode the private key"));
    issued.keyPem = contentsOf(keyBio.get());

    issued.certificate = QSslCertificate(issued.certificatePem, QSsl::Pem);
    issued.key = QSslKey(issued.keyPem, *algorithm, QSsl::Pem, QSsl::PrivateKey);
    if (issued.certificate.isNull() || issued.key.isNull())
        return makeError(
            Error::Code::Internal, QStringLiteral("Qt could not load the certificate or its key."));
    return issued;
}

Result<Certificate> parseCertificate(const QByteArray &pem)
{
    const Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return openSslError(QStringLiteral("read the certificate"));
    Certificate certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate) {
        ERR_clear_error();
        return invalid(QStringLiteral("The certificate is not a PEM X.509 certificate."));
    }
    return certificate;
}

// Without a callback OpenSSL would prompt on the terminal for an encrypted key's passphrase.
int refusePassphrase(char * /*buffer*/, int /*size*/, int /*writing*/, void * /*data*/)
{
    return -1;
}

Result<PKey> parsePrivateKey(const QByteArray &pem)
{
    const Bio bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    if (!bio)
        return openSslError(QStringLiteral("read the private key"));
    PKey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, refusePassphrase, nullptr));
    if (!key) {
        ERR_clear_error();
        return invalid(QStringLiteral("The key is not an unencrypted PEM private key."));
    }
    return key;
}

struct Parsed {
    Certificate certificate;
    PKey key;
};

Result<Parsed> parsePair(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    auto certificate = parseCertificate(certificatePem);
    if (!certificate)
        return certificate.error();
    auto key = parsePrivateKey(keyPem);
    if (!key)
        return key.error();
    if (X509_check_private_key(certificate->get(), key->get()) != 1) {
        ERR_clear_error();
        return invalid(QStringLiteral("The private key does not belong to the certificate."));
    }
    return Parsed { std::move(certificate).value(), std::move(key).value() };
}

struct Pem {
    QByteArray certificate;
    QByteArray key;
};

// The PEM is what this class made; the Qt objects stand in when a caller built Issued itself.
Pem pemOf(const Issued &issued)
{
    return Pem {
        issued.certificatePem.isEmpty() ? issued.certificate.toPem() : issued.certificatePem,
        issued.keyPem.isEmpty() ? issued.key.toPem() : issued.keyPem,
    };
}

Result<Parsed> parseIssued(const Issued &issued)
{
    const Pem pem = pemOf(issued);
    if (pem.certificate.isEmpty() || pem.key.isEmpty())
        return invalid(QStringLiteral("A certificate and its private key are both needed."));
    return parsePair(pem.certificate, pem.key);
}

bool pathIsTaken(const QByteArray &path)
{
    struct stat info {
    };
    // lstat(), so a dangling symbolic link counts as taken: writing through it would create
    // its target somewhere else.
    return ::lstat(path.constData(), &info) == 0;
}

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(size));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        size -= written;
    }
    return true;
}

Result<void> syncDirectory(const QByteArray &filePath)
{
    const QByteArray dir = QFile::encodeName(QFileInfo(QFile::decodeName(filePath)).absolutePath());
    const int fd = ::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("open the folder to save it"), errno);
    const int result = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    // A few file systems cannot sync a directory at all (EINVAL); nothing more can be done.
    if (result != 0 && error != EINVAL)
        return ioError(QStringLiteral("save the folder"), error);
    return {};
}

// Writes a complete, synced temporary file and then links it into place: link(), unlike
// rename(), fails when the target exists, so a race with another writer cannot replace a key.
Result<void> createFile(const QString &path, QByteArrayView contents, mode_t mode)
{
    const QByteArray target = QFile::encodeName(path);
    QByteArray temporary = target + ".tmp-XXXXXX";
    // mkostemp creates the file 0600, so the key is never readable by others, not even briefly.
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        return ioError(QStringLiteral("create a file beside %1").arg(path), errno);

    bool ok = ::fchmod(fd, mode) == 0 && writeAll(fd, contents.data(), contents.size())
        && ::fsync(fd) == 0;
    int error = errno;
    if (::close(fd) != 0 && ok) {
        ok = false;
        error = errno;
    }
    if (!ok) {
        ::unlink(temporary.constData());
        return ioError(QStringLiteral("write %1").arg(path), error);
    }

    const int linked = ::link(temporary.constData(), target.constData());
    error = errno;
    ::unlink(temporary.constData());
    if (linked != 0) {
        if (error == EEXIST)
            return makeError(Error::Code::AlreadyExists,
                QStringLiteral("%1 already exists and is left as it is.").arg(path));
        return ioError(QStringLiteral("create %1").arg(path), error);
    }
    return syncDirectory(target);
}

Result<QByteArray> readPemFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(Error::Code::NotFound, QStringLiteral("%1 does not exist.").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(Error::Code::Io,
            QStringLiteral("Could not read %1: %2.").arg(path, file.errorString()));
    QByteArray contents = file.read(maxPemFileSize + 1);
    if (file.error() != QFileDevice::NoError)
        return makeError(Error::Code::Io,
            QStringLiteral("Could not read %1: %2.").arg(path, file.errorString()));
    if (contents.size() > maxPemFileSize)
        return invalid(QStringLiteral("%1 is too big to be a certificate or key.").arg(path));
    return contents;
}

} // namespace

Result<Issued> Pki::makeCertificateAuthority(const CertificateRequest &request)
{
    ERR_clear_error();
    if (auto name = checkCommonName(request.commonName); !name)
        return name.error();
    if (!request.hostNames.isEmpty())
        return invalid(QStringLiteral("A certificate authority has no host names."));
    const auto validity = validityOf(request, Kind::Authority);
    if (!validity)
        return validity.error();

    auto key = generateKey();
    if (!key)
        return key.error();
    auto certificate = newCertificate(request.commonName, *validity, key->get());
    if (!certificate)
        return certificate.error();
    X509 *ca = certificate->get();
    if (X509_set_issuer_name(ca, X509_get_subject_name(ca)) != 1)
        return openSslError(QStringLiteral("set the issuer name"));

    X509V3_CTX context {};
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, ca, ca, nullptr, nullptr, 0);
    // pathlen:0 lets the CA sign servers but no intermediate CA that could outlive the pilot.
    for (const auto &[nid, value] :
        { std::pair { NID_basic_constraints, "critical,CA:TRUE,pathlen:0" },
            std::pair { NID_key_usage, "critical,keyCertSign,cRLSign" },
            std::pair { NID_subject_key_identifier, "hash" } }) {
        if (auto added = addExtension(ca, &context, nid, value); !added)
            return added.error();
    }
    if (auto signedCa = sign(ca, key->get()); !signedCa)
        return signedCa.error();
    return toIssued(ca, key->get());
}

Result<Issued> Pki::makeServerCertificate(
    const Issued &authority, const CertificateRequest &request)
{
    ERR_clear_error();
    if (auto name = checkCommonName(request.commonName); !name)
        return name.error();
    const auto hosts = parseHostNames(request.hostNames);
    if (!hosts)
        return hosts.error();
    // Qt accepts a peer whose name matches the common name as well as the subjectAltNames.
    const bool commonNameIsHost = std::any_of(
        request.hostNames.cbegin(), request.hostNames.cend(), [&](const QString &host) {
            return host.trimmed().compare(request.commonName.trimmed(), Qt::CaseInsensitive) == 0;
        });
    if (!commonNameIsHost)
        return invalid(QStringLiteral("A server certificate's common name must be one of its "
                                      "host names."));
    const auto validity = validityOf(request, Kind::Server);
    if (!validity)
        return validity.error();

    auto issuer = parseIssued(authority);
    if (!issuer)
        return issuer.error();
    X509 *ca = issuer->certificate.get();
    if (X509_check_ca(ca) != 1) {
        ERR_clear_error();
        return invalid(QStringLiteral("The authority's certificate is not a CA certificate."));
    }

    auto key = generateKey();
    if (!key)
        return key.error();
    auto certificate = newCertificate(request.commonName, *validity, key->get());
    if (!certificate)
        return certificate.error();
    X509 *server = certificate->get();
    if (X509_set_issuer_name(server, X509_get_subject_name(ca)) != 1)
        return openSslError(QStringLiteral("set the issuer name"));

    X509V3_CTX context {};
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, ca, server, nullptr, nullptr, 0);
    // An EC key signs the handshake and never encrypts a key, so keyEncipherment is left out.
    for (const auto &[nid, value] : { std::pair { NID_basic_constraints, "critical,CA:FALSE" },
             std::pair { NID_key_usage, "critical,digitalSignature" },
             std::pair { NID_ext_key_usage, "serverAuth" },
             std::pair { NID_subject_key_identifier, "hash" },
             std::pair { NID_authority_key_identifier, "keyid:always" } }) {
        if (auto added = addExtension(server, &context, nid, value); !added)
            return added.error();
    }
    if (auto names = addSubjectAltNames(server, *hosts); !names)
        return names.error();
    if (auto signedServer = sign(server, issuer->key.get()); !signedServer)
        return signedServer.error();
    return toIssued(server, key->get());
}

Result<void> Pki::writeTo(
    const Issued &issued, const QString &certificatePath, const QString &keyPath)
{
    ERR_clear_error();
    if (certificatePath.isEmpty() || keyPath.isEmpty())
        return invalid(QStringLiteral("Both a certificate path and a key path are needed."));
    if (QFileInfo(certificatePath).absoluteFilePath() == QFileInfo(keyPath).absoluteFilePath())
        return invalid(QStringLiteral("The certificate and its key need different files."));
    // Refusing a mismatched pair here beats a server that cannot start later.
    if (auto pair = parseIssued(issued); !pair)
        return pair.error();
    const Pem pem = pemOf(issued);

    for (const QString &path : { certificatePath, keyPath }) {
        if (pathIsTaken(QFile::encodeName(path)))
            return makeError(Error::Code::AlreadyExists,
                QStringLiteral("%1 already exists and is left as it is.").arg(path));
    }
    if (auto key = createFile(keyPath, pem.key, S_IRUSR | S_IWUSR); !key)
        return key;
    // The certificate is public: anyone enrolling a tablet may need to read it.
    if (auto certificate
        = createFile(certificatePath, pem.certificate, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);
        !certificate) {
        // A key without its certificate is useless and would block the next attempt.
        ::unlink(QFile::encodeName(keyPath).constData());
        return certificate;
    }
    return {};
}

Result<Issued> Pki::readFrom(const QString &certificatePath, const QString &keyPath)
{
    ERR_clear_error();
    const auto certificatePem = readPemFile(certificatePath);
    if (!certificatePem)
        return certificatePem.error();
    const auto keyPem = readPemFile(keyPath);
    if (!keyPem)
        return keyPem.error();
    const auto pair = parsePair(*certificatePem, *keyPem);
    if (!pair)
        return pair.error();
    return toIssued(pair->certificate.get(), pair->key.get());
}

} // namespace doorstep::server

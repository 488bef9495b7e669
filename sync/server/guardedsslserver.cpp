#include "server/guardedsslserver.h"

#include <QPointer>
#include <QSslSocket>
#include <QTimer>
#include <algorithm>
#include <memory>

namespace doorstep::server
{

namespace
{

constexpr qsizetype MaxHeaderBytes = 16 * 1024;

void refuse(QTcpSocket *socket, const QByteArray &status, const QByteArray &why)
{
    socket->write("HTTP/1.1 " + status + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
        + "Content-Length: " + QByteArray::number(why.size()) + "\r\nConnection: close\r\n\r\n"
        + why);
    socket->disconnectFromHost();
}

} // namespace

GuardedSslServer::GuardedSslServer(qsizetype maxBodyBytes, int idleTimeoutMs, QObject *parent)
    : QSslServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
    , m_idleTimeoutMs(idleTimeoutMs)
{
}

void GuardedSslServer::incomingConnection(qintptr socket)
{
    QSslServer::incomingConnection(socket);
    // The socket is being encrypted: a client that never finishes the handshake is dropped.
    const auto sockets = findChildren<QSslSocket *>(QString(), Qt::FindDirectChildrenOnly);
    if (!sockets.isEmpty())
        watchIdle(sockets.last());
}

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    QTcpSocket *socket = QSslServer::nextPendingConnection();
    // Connected before QHttpServer connects its own reader, so it sees each request first.
    if (socket)
        screen(socket);
    return socket;
}

void GuardedSslServer::watchIdle(QTcpSocket *socket)
{
    if (socket->property("doorstepIdleTimer").isValid())
        return;
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    timer->setInterval(m_idleTimeoutMs);
    socket->setProperty("doorstepIdleTimer", true);
    connect(timer, &QTimer::timeout, socket, [socket] { socket->abort(); });
    connect(socket, &QIODevice::readyRead, timer, qOverload<>(&QTimer::start));
    connect(socket, &QIODevice::bytesWritten, timer, qOverload<>(&QTimer::start));
    timer->start();
}

void GuardedSslServer::screen(QTcpSocket *socket)
{
    watchIdle(socket);
    // QHttpServer reads everything available after this slot has run, so this slot sees
    // every byte once (by peeking) and follows the requests itself: the headers of each,
    // then as many body bytes as its Content-Length said, then the next request's headers.
    struct Framing {
        QByteArray headers;
        qint64 bodyLeft = 0;
    };
    auto framing = std::make_shared<Framing>();
    QPointer<QTcpSocket> guarded(socket);
    connect(socket, &QIODevice::readyRead, this, [this, guarded, framing] {
        if (!guarded || guarded->state() != QAbstractSocket::ConnectedState)
            return;
        QByteArray data = guarded->peek(guarded->bytesAvailable());
        while (!data.isEmpty()) {
            if (framing->bodyLeft > 0) {
                const qint64 take = std::min<qint64>(framing->bodyLeft, data.size());
                framing->bodyLeft -= take;
                data.remove(0, take);
                continue;
            }
            framing->headers += data;
            data.clear();
            const qsizetype end = framing->headers.indexOf("\r\n\r\n");
            if (end < 0) {
                if (framing->headers.size() > MaxHeaderBytes)
                    refuse(guarded, "431 Request Header Fields Too Large",
                        "The request's headers are too large.");
                return;
            }
            qint64 length = 0;
            for (const QByteArray &line : framing->headers.left(end).split('\n')) {
                const qsizetype colon = line.indexOf(':');
                if (colon < 0)
                    continue;
                const QByteArray name = line.left(colon).trimmed().toLower();
                const QByteArray value = line.mid(colon + 1).trimmed();
                if (name == "transfer-encoding" && value.toLower() != "identity") {
                    refuse(guarded, "411 Length Required",
                        "Send the body with a Content-Length, not in chunks.");
                    return;
                }
                if (name == "content-length") {
                    bool ok = false;
                    length = value.toLongLong(&ok);
                    if (!ok || length < 0) {
                        refuse(guarded, "400 Bad Request", "The Content-Length is not a number.");
                        return;
                    }
                    if (length > m_maxBodyBytes) {
                        refuse(guarded, "413 Payload Too Large",
                            "The request body is larger than the server accepts.");
                        return;
                    }
                }
            }
            data = framing->headers.mid(end + 4);
            framing->headers.clear();
            framing->bodyLeft = length;
        }
    });
}

} // namespace doorstep::server

#pragma once

#include <QSslServer>

namespace doorstep::server
{

/// The TLS listener QHttpServer is bound to, guarding what Qt HttpServer 6.4 does not: it
/// would buffer a request body of any size, and wait for ever on a client that sends
/// nothing. Each connection is screened before QHttpServer reads it: a request whose
/// Content-Length is over the limit, or with a chunked body (whose size cannot be known),
/// is answered 413 and the connection closed; a connection silent for `idleTimeoutMs`
/// (including one slow to finish its handshake) is dropped.
class GuardedSslServer : public QSslServer
{
    Q_OBJECT

public:
    GuardedSslServer(qsizetype maxBodyBytes, int idleTimeoutMs, QObject *parent = nullptr);

    QTcpSocket *nextPendingConnection() override;

protected:
    void incomingConnection(qintptr socket) override;

private:
    void screen(QTcpSocket *socket);
    void watchIdle(QTcpSocket *socket);

    qsizetype m_maxBodyBytes;
    int m_idleTimeoutMs;
};

} // namespace doorstep::server

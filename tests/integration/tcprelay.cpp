#include "tcprelay.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace doorstep::test
{

TcpRelay::TcpRelay(quint16 serverPort)
    : m_serverPort(serverPort)
{
    // The listener and every socket live on the relay's thread, so their notifiers fire
    // there while the test's thread waits for child processes.
    m_listener = new QTcpServer;
    m_listener->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_listener,
        [this] {
            QObject::connect(
                m_listener, &QTcpServer::newConnection, m_listener, [this] { accept(); });
            if (m_listener->listen(QHostAddress::LocalHost, 0))
                m_port = m_listener->serverPort();
        },
        Qt::BlockingQueuedConnection);
}

TcpRelay::~TcpRelay()
{
    QMetaObject::invokeMethod(
        m_listener, [this] { delete m_listener; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void TcpRelay::cutAfter(Direction direction, qint64 offset)
{
    m_cutDirection.store(int(direction));
    m_cutLeft.store(offset);
}

TcpRelay::Portion TcpRelay::passable(Direction direction, qint64 available)
{
    const qint64 left = m_cutLeft.load();
    if (left < 0 || m_cutDirection.load() != int(direction))
        return { available, false };
    if (available < left) {
        m_cutLeft.store(left - available);
        return { available, false };
    }
    m_cutLeft.store(-1);
    ++m_cuts;
    return { left, true };
}

void TcpRelay::relay(QTcpSocket *from, QTcpSocket *to, Direction direction)
{
    const QByteArray data = from->readAll();
    const Portion portion = passable(direction, data.size());
    to->write(data.left(portion.pass));
    (direction == Direction::ToServer ? m_toServer : m_toClient) += portion.pass;
    if (!portion.cut)
        return;
    // Deliver the bytes before the cut, then reset both sides as a lost link would.
    to->waitForBytesWritten(2000);
    to->abort();
    from->abort();
}

void TcpRelay::accept()
{
    while (QTcpSocket *client = m_listener->nextPendingConnection()) {
        // The server side is the client side's child: the pair goes together, once both
        // have closed. Bytes the client sends while the server side is still connecting
        // wait in its write buffer.
        client->setParent(m_listener);
        auto *server = new QTcpSocket(client);
        server->connectToHost(QHostAddress::LocalHost, m_serverPort);
        auto closed = [client, server] {
            if (client->state() == QAbstractSocket::UnconnectedState
                && server->state() == QAbstractSocket::UnconnectedState)
                client->deleteLater();
        };
        QObject::connect(client, &QTcpSocket::readyRead, server,
            [this, client, server] { relay(client, server, Direction::ToServer); });
        QObject::connect(server, &QTcpSocket::readyRead, client,
            [this, client, server] { relay(server, client, Direction::ToClient); });
        QObject::connect(client, &QTcpSocket::disconnected, server, [server, closed] {
            server->disconnectFromHost();
            closed();
        });
        QObject::connect(server, &QTcpSocket::disconnected, client, [client, closed] {
            client->disconnectFromHost();
            closed();
        });
        QObject::connect(server, &QTcpSocket::errorOccurred, client, [client, server, closed] {
            // A server that is not there: the tablet sees a refused connection too.
            if (server->state() == QAbstractSocket::UnconnectedState)
                client->abort();
            closed();
        });
    }
}

} // namespace doorstep::test

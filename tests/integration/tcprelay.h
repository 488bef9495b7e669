#pragma once

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace doorstep::test
{

/// A TCP relay on loopback between tablets and a server, on a thread of its own so a test
/// can block on child processes while it relays. It counts the bytes that pass each way
/// and, when armed, cuts the connection after a chosen number of bytes in one direction:
/// what a train going into a tunnel does to a sync. TLS passes through it untouched.
class TcpRelay final : public QObject
{
    Q_OBJECT
public:
    enum class Direction { ToServer, ToClient };

    /// Relays connections to 127.0.0.1:serverPort from a free port of its own.
    explicit TcpRelay(quint16 serverPort);
    ~TcpRelay() override;
    TcpRelay(const TcpRelay &) = delete;
    TcpRelay &operator=(const TcpRelay &) = delete;

    quint16 port() const { return m_port; }

    /// The connection under way when `offset` more bytes have passed in `direction` is
    /// cut there: the bytes up to the offset are delivered, then both sides are reset.
    void cutAfter(Direction direction, qint64 offset);
    /// Whether an armed cut has not happened yet.
    bool armed() const { return m_cutLeft.load() >= 0; }
    /// Connections cut so far.
    int cuts() const { return m_cuts.load(); }
    /// Bytes relayed in `direction` since the relay started.
    qint64 bytes(Direction direction) const
    {
        return direction == Direction::ToServer ? m_toServer.load() : m_toClient.load();
    }

private:
    void accept();
    /// How many of `available` bytes going `direction` pass, and whether the connection
    /// is cut after them (an armed cut falls within them).
    struct Portion {
        qint64 pass = 0;
        bool cut = false;
    };
    Portion passable(Direction direction, qint64 available);
    /// Relays what `from` received to `to`, counting it and cutting where armed.
    void relay(QTcpSocket *from, QTcpSocket *to, Direction direction);

    quint16 m_serverPort;
    quint16 m_port = 0;
    QThread m_thread;
    QTcpServer *m_listener = nullptr; ///< lives on m_thread
    std::atomic<int> m_cutDirection { 0 };
    std::atomic<qint64> m_cutLeft { -1 };
    std::atomic<int> m_cuts { 0 };
    std::atomic<qint64> m_toServer { 0 };
    std::atomic<qint64> m_toClient { 0 };
};

} // namespace doorstep::test

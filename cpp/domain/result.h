#pragma once

#include <QString>
#include <optional>
#include <type_traits>
#include <utility>

namespace doorstep
{

/// What went wrong, as a stable code for programs and a sentence for people.
struct Error {
    enum class Code {
        InvalidArgument, ///< bad input from a person, a file or the network
        NotFound, ///< the store, record or file does not exist
        AlreadyExists, ///< refusing to overwrite something that is there
        WrongPassphrase,
        LockedOut, ///< too many wrong passphrases: the key slot is destroyed
        Damaged, ///< a file failed its integrity checks
        Unsupported, ///< wrong library, version or format
        Immutable, ///< a finalised or signed record cannot change
        Io, ///< the operating system refused a read or write
        Internal, ///< a bug: should never reach a person
        NoConsent, ///< sharing refused: someone lacks valid consent for the agency
        NotPermitted, ///< the user's role may not do this (a supervisor's function)
    };

    Code code = Code::Internal;
    QString message;
};

/// A value or an Error. Fallible calls return this instead of throwing.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {
    }
    Result(Error error)
        : m_error(std::move(error))
    {
    }
    /// Lets a function returning Result<QVariant> return a QString, and so on.
    template <typename U,
        typename = std::enable_if_t<
            std::is_constructible_v<T,
                U &&> && !std::is_same_v<std::decay_t<U>, T> && !std::is_same_v<std::decay_t<U>, Error>>>
    Result(U &&value)
        : m_value(T(std::forward<U>(value)))
    {
    }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    T &value() & { return *m_value; }
    const T &value() const & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    T *operator->() { return &*m_value; }
    const T *operator->() const { return &*m_value; }
    T &operator*() & { return *m_value; }
    const T &operator*() const & { return *m_value; }

    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

/// Result of a call that returns nothing on success.
template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_failed(true)
        , m_error(std::move(error))
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

inline Error makeError(Error::Code code, QString message)
{
    return Error { code, std::move(message) };
}

} // namespace doorstep

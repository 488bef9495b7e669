#pragma once

#include "domain/consentstatus.h"
#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// A family's consent grants, newest first, each with its status today, what it covers,
/// its signature and where its signed form is; ConsentController fills it. Withdrawals
/// show on the grant they end.
class ConsentListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A family's consents come from its ConsentController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ConsentIdRole = Qt::UserRole + 1,
        PersonIdRole,
        PersonNameRole,
        StateRole,
        StatusTextRole,
        AgenciesTextRole,
        PurposeRole,
        SignedOnTextRole,
        ExpiresOnTextRole,
        GivenByTextRole,
        CanWithdrawRole,
        SignatureRole,
        FormStateRole,
        FormTextRole,
    };
    Q_ENUM(Role)

    /// A grant's state today, as ConsentStatus::State.
    enum class State { None, Valid, Expiring, Expired, Withdrawn };
    Q_ENUM(State)

    /// Where the consent form as signed is: kept before forms were (None), on this tablet
    /// (Here), or made on another tablet with its bytes still to come at a sync (Coming).
    enum class FormState { None, Here, Coming };
    Q_ENUM(FormState)

    /// One grant as the page lists it, worded for today.
    struct Row {
        QString consentId;
        QString personId;
        QString personName;
        State state = State::None;
        QString statusText;
        QString agenciesText;
        QString purpose;
        QString signedOnText;
        QString expiresOnText;
        QString givenByText;
        bool canWithdraw = false;
        /// The signature's strokes: a list of lists of points normalised to the pad.
        QVariantList signature;
        FormState formState = FormState::None;
        /// What to say about the signed form when it cannot be saved; empty when it can.
        QString formText;

        QString key() const { return consentId; }
        bool operator==(const Row &other) const;
    };

    explicit ConsentListModel(QObject *parent = nullptr);

    static State stateOf(ConsentStatus::State state);

    int count() const { return m_rows.size(); }
    void setRows(QList<Row> rows);
    /// The row of a consent, or nullptr.
    const Row *find(const QString &consentId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void countChanged();

private:
    template <typename> friend class KeyedRows;

    KeyedRows<Row> m_rows;
};

} // namespace doorstep

#pragma once

#include "domain/consentstatus.h"
#include "models/keyedrows.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace doorstep
{

/// The members of a family, oldest first, for the family page; FamilyController fills it.
class MemberListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A family's members come from its FamilyController.")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        PersonIdRole = Qt::UserRole + 1,
        NameRole,
        AgeTextRole,
        DateOfBirthTextRole,
        NhsNumberRole,
        NhsNumberCheckedRole,
        SchoolRole,
        RoleTextRole,
        ConsentStatusRole,
        ConsentTextRole,
        AgeRole,
    };
    Q_ENUM(Role)

    /// What the person's consent records add up to today.
    enum class ConsentStatus { None, Valid, Expiring, Expired, Withdrawn };
    Q_ENUM(ConsentStatus)

    /// One member as the page lists them, worded for today.
    struct Row {
        QString personId;
        QString name;
        QString ageText;
        QString dateOfBirthText;
        QString nhsNumber; ///< grouped 3-3-4, or empty
        bool nhsNumberChecked = false;
        QString school;
        QString roleText;
        ConsentStatus consent = ConsentStatus::None;
        QString consentText;
        int age = -1; ///< whole years today; -1 when the date of birth is not known

        QString key() const { return personId; }
        bool operator==(const Row &other) const;
    };

    explicit MemberListModel(QObject *parent = nullptr);

    /// The badge for what the domain's consent rule says about a person.
    static ConsentStatus consentStatusOf(doorstep::ConsentStatus::State state);

    int count() const { return m_rows.size(); }
    void setRows(QList<Row> rows);

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

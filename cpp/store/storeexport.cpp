#include "store/storeexport.h"

#include "protocol/recordschema.h"
#include "store/migrations.h"
#include "store/store.h"

#include <QJsonArray>

namespace doorstep
{

Result<QJsonObject> StoreExport::toJson(Store &store)
{
    QJsonObject records;
    for (const RecordKindSpec &kind : RecordSchema::kinds()) {
        QStringList columns { QStringLiteral("id"), QStringLiteral("causal_length") };
        for (const FieldSpec &field : kind.fields)
            columns << field.name;
        auto query = store.query(QStringLiteral("SELECT %1 FROM %2 ORDER BY id")
                                     .arg(columns.join(QLatin1Char(',')), kind.table));
        if (!query)
            return query.error();
        QJsonArray rows;
        for (;;) {
            auto row = query->step();
            if (!row)
                return row.error();
            if (!*row)
                break;
            QJsonObject record { { QStringLiteral("id"), query->text(0) },
                { QStringLiteral("deleted"), query->integer(1) % 2 == 0 } };
            for (int i = 0; i < kind.fields.size(); ++i) {
                const int column = i + 2;
                const FieldSpec &field = kind.fields.at(i);
                if (query->isNull(column))
                    continue;
                switch (field.type) {
                case FieldType::Integer:
                    record.insert(field.name, query->integer(column));
                    break;
                case FieldType::Real:
                    record.insert(field.name, query->real(column));
                    break;
                case FieldType::Boolean:
                    record.insert(field.name, query->integer(column) != 0);
                    break;
                case FieldType::Blob:
                    record.insert(field.name, QString::fromLatin1(query->blob(column).toBase64()));
                    break;
                default:
                    record.insert(field.name, query->text(column));
                    break;
                }
            }
            rows.append(record);
        }
        records.insert(kind.kind, rows);
    }
    return QJsonObject { { QStringLiteral("format"), QStringLiteral("doorstep-store-export") },
        { QStringLiteral("version"), FormatVersion },
        { QStringLiteral("schemaVersion"), Migrations::latestVersion() },
        { QStringLiteral("deviceId"), store.deviceId() },
        { QStringLiteral("userId"), store.userId() }, { QStringLiteral("records"), records } };
}

} // namespace doorstep

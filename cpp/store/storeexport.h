#pragma once

#include "domain/result.h"

#include <QJsonObject>

namespace doorstep
{

class Store;

/// The whole store as one JSON document: every record of every kind, deleted ones
/// marked, for IT and for moving data between systems. Versioned so readers can
/// refuse a format they do not know.
class StoreExport
{
public:
    static constexpr int FormatVersion = 1;
    static Result<QJsonObject> toJson(Store &store);
};

} // namespace doorstep

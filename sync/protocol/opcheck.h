#pragma once

#include "protocol/op.h"

#include <QString>
#include <optional>

namespace doorstep
{

/// Whether an op that came over the network could have been written by a Doorstep store:
/// a known kind and field, a UUID record id, an op id of its own device, and a value the
/// field can hold. The store checks every pulled op and the server every pushed one.
class OpCheck
{
public:
    /// What is wrong with the op, as the end of a sentence ("names a field the family does
    /// not have"), or nothing if it is sound.
    static std::optional<QString> problem(const Op &op);
};

} // namespace doorstep

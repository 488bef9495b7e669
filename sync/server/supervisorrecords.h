#pragma once

#include "protocol/op.h"
#include "server/serverstorage.h"

#include <QString>
#include <optional>

namespace doorstep::server
{

/// What only a supervisor may write (issue 8): their decisions on My Family Plans and their
/// case supervision notes, and a plan's status set to signed off or returned. A push from a
/// practitioner's tablet holding any of them is refused whole, so a practitioner can
/// neither sign off their own plan nor write in their supervisor's name.
struct SupervisorRecords {
    /// Why the op may not be written by a user of this role (the end of "Op N ..."); nothing
    /// when it may.
    static std::optional<QString> refusal(const Op &op, User::Role role);
};

} // namespace doorstep::server

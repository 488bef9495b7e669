#pragma once

#include "domain/result.h"

namespace doorstep
{

class Database;

/// Forward-only schema migrations: numbered SQL steps compiled into the program, each
/// applied in its own transaction together with PRAGMA user_version. A step is never
/// edited once released; a new change is a new step.
class Migrations
{
public:
    static int latestVersion();
    static Result<int> currentVersion(Database &db);
    /// Brings the database to targetVersion (default: latest). Refuses a database
    /// written by a newer Doorstep rather than guessing at its schema.
    static Result<int> run(Database &db, int targetVersion = -1);
};

} // namespace doorstep

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InnovationCases.Data;

/// <summary>What a database error means, the same question answered for every provider.</summary>
public static class DbErrors
{
    /// <summary>
    /// A unique index refused a row: another writer (another instance) stored the same key first. On
    /// PostgreSQL this aborts the whole transaction, so the only correct way on is to roll back and
    /// run the work again, which then sees the other writer's row.
    /// </summary>
    public static bool IsUniqueViolation(Exception e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        DbUpdateException { InnerException: { } inner } => IsUniqueViolation(inner),
        _ => false,
    };
}

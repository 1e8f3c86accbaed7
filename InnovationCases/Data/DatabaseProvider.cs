namespace InnovationCases.Data;

/// <summary>
/// <c>Database:Provider</c>: SQLite in one file (the embedded default: <c>dotnet run</c> needs nothing
/// else) or a PostgreSQL server (several app instances on one database).
/// </summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

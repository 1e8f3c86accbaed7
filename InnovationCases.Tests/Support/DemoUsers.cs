namespace InnovationCases.Tests.Support;

/// <summary>The demo accounts, by role, for tests.</summary>
public static class DemoUsers
{
    public const string Admin = "admin@aarhus.example";
    public const string Caseworker = "sagsbehandler@aarhus.example";
    public const string Director = "direktoer@aarhus.example";
    public const string Manager = "leder@aarhus.example";
    public const string Mbu = "mbu@aarhus.example";
    public const string Mso = "mso@aarhus.example";
    public const string Panel = "panel@aarhus.example";
    public const string Password = "Demo-2026!";
}

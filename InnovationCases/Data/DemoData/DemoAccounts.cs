using InnovationCases.Domain;

namespace InnovationCases.Data.DemoData;

/// <summary>The demo accounts of DESIGN.md; created only together with demo data.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo-2026!";

    public static readonly IReadOnlyList<(string Email, string Name, Role Role, string? DepartmentCode)> All =
    [
        ("admin@aarhus.example", "Kirsten Holm", Role.Admin, null),
        ("sagsbehandler@aarhus.example", "Sara Lund", Role.Caseworker, "BA"),
        ("direktoer@aarhus.example", "Niels Brandt", Role.DirectorGroup, null),
        ("leder@aarhus.example", "Lene Friis", Role.Manager, null),
        ("mbu@aarhus.example", "Jonas Kjær", Role.DepartmentStaff, "MBU"),
        ("mso@aarhus.example", "Helle Bach", Role.DepartmentStaff, "MSO"),
        ("panel@aarhus.example", "Birgitte Dahl", Role.AdvisoryBoard, null),

        // Two more assessors, from departments, so fresh eyes have someone to suggest and someone to refuse.
        ("direktoer.mbu@aarhus.example", "Mette Holst", Role.DirectorGroup, "MBU"),
        ("direktoer.mso@aarhus.example", "Anders Vinther", Role.DirectorGroup, "MSO"),
    ];
}

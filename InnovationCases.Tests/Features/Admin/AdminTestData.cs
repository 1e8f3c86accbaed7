using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Features.Admin;

/// <summary>What the admin tests read back from the database, and the empty installation they start from.</summary>
internal static class AdminTestData
{
    public const string BootstrapAdmin = "it@aarhus.example";

    /// <summary>A production-like start: no demo data, one administrator from the bootstrap settings.</summary>
    public static TestApp EmptyInstallation()
    {
        var app = new TestApp(demoData: false);
        app.Settings["Bootstrap:AdminEmail"] = BootstrapAdmin;
        app.Settings["Bootstrap:AdminPassword"] = "Foerste-Admin-2026";
        app.Settings["Bootstrap:AdminName"] = "IT-drift";
        return app;
    }

    public static async Task<int> AuditCountAsync(this TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.AdminAudit.CountAsync();
    }

    public static async Task<AdminAuditEntry> LastAuditAsync(this TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.AdminAudit.OrderByDescending(a => a.Id).FirstAsync();
    }

    public static async Task<Department> DepartmentAsync(this TestApp app, string code)
    {
        await using var db = await app.DbAsync();
        return await db.Departments.SingleAsync(d => d.Code == code);
    }

    public static async Task<int> LatestYearAsync(this TestApp app)
    {
        await using var db = await app.DbAsync();
        return await db.BudgetYears.MaxAsync(y => y.Year);
    }

    public static async Task<string> UserIdAsync(this TestApp app, string email)
    {
        await using var db = await app.DbAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }
}

namespace InnovationCases.Features.Admin;

/// <summary>The kinds of things the admin audit log records changes to (stored as these names).</summary>
public static class AuditEntity
{
    public const string User = "User";
    public const string Department = "Department";
    public const string BudgetYear = "BudgetYear";
    public const string SignIn = "SignIn";
    public const string PersonalData = "PersonalData";
    public const string Mail = "Mail";
}

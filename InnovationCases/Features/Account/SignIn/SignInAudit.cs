using System.Globalization;
using InnovationCases.Data;
using InnovationCases.Features.Admin;
using InnovationCases.Resources;

namespace InnovationCases.Features.Account.SignIn;

/// <summary>Writes every sign-in attempt to the audit log that <c>/admin/audit</c> shows.</summary>
public sealed class SignInAudit(DbWriter writer, TimeProvider clock)
{
    /// <summary>Long enough for any real address; a pasted essay in the e-mail field is cut.</summary>
    private const int KeyMax = 256;

    public const string UnknownUserId = "unknown";

    public Task RecordAsync(AppUser? user, string typedEmail, SignInOutcome outcome, string? ipAddress, CancellationToken ct = default)
    {
        var email = typedEmail.Trim().ToLowerInvariant();
        var entry = new AdminAuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorUserId = user?.Id ?? UnknownUserId,
            ActorName = Truncate(user?.DisplayName ?? email),
            Entity = AuditEntity.SignIn,
            EntityKey = Truncate(email),
            Change = string.Format(CultureInfo.CurrentCulture, Text(outcome), ipAddress ?? "?"),
        };
        return writer.WriteAsync(async db =>
        {
            db.AdminAudit.Add(entry);
            return await db.SaveChangesAsync(ct);
        }, ct);
    }

    private static string Text(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.Succeeded => AdminText.Audit_SignIn_Succeeded,
        SignInOutcome.WrongPassword => AdminText.Audit_SignIn_WrongPassword,
        SignInOutcome.UnknownEmail => AdminText.Audit_SignIn_UnknownEmail,
        SignInOutcome.Deactivated => AdminText.Audit_SignIn_Deactivated,
        SignInOutcome.LockedOut => AdminText.Audit_SignIn_LockedOut,
        _ => AdminText.Audit_SignIn_LockoutStarted,
    };

    private static string Truncate(string value) => value.Length <= KeyMax ? value : value[..KeyMax];
}

using InnovationCases.Data;
using Microsoft.AspNetCore.Identity;

namespace InnovationCases.Features.Account.SignIn;

/// <summary>
/// A password sign-in that answers the same way for every failure: an unknown e-mail, a wrong
/// password, a deactivated or locked account all look alike to the caller (and cost the same password
/// hash), so the form tells a stranger nothing about which accounts exist. The audit log gets the truth.
/// </summary>
public sealed class SignInService(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInAudit audit)
{
    // A hash of a throw-away password, verified against when the e-mail is unknown so both answers take as long.
    private static readonly Lazy<string> DummyHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    /// <summary>True when signed in (the cookie is set); false for every kind of failure.</summary>
    public async Task<bool> PasswordSignInAsync(string email, string password, string? ipAddress)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
            await audit.RecordAsync(null, email, SignInOutcome.UnknownEmail, ipAddress);
            return false;
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        var outcome = result.Succeeded ? SignInOutcome.Succeeded
            : result.IsNotAllowed ? SignInOutcome.Deactivated
            : result.IsLockedOut ? (wasLockedOut ? SignInOutcome.LockedOut : SignInOutcome.LockoutStarted)
            : SignInOutcome.WrongPassword;
        await audit.RecordAsync(user, email, outcome, ipAddress);
        return result.Succeeded;
    }
}

using System.Globalization;
using InnovationCases.Resources;
using Microsoft.AspNetCore.Identity;

namespace InnovationCases.Features.Account;

/// <summary>Identity's validation messages in Danish, for the admin's user forms.</summary>
public sealed class DanishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), string.Format(CultureInfo.CurrentCulture, AdminText.Identity_PasswordTooShort, length));
    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), AdminText.Identity_PasswordRequiresDigit);
    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), AdminText.Identity_PasswordRequiresLower);
    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), AdminText.Identity_PasswordRequiresUpper);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), AdminText.Identity_PasswordRequiresNonAlphanumeric);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), string.Format(CultureInfo.CurrentCulture, AdminText.Identity_PasswordRequiresUniqueChars, uniqueChars));
    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), string.Format(CultureInfo.CurrentCulture, AdminText.User_EmailTaken, email));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), string.Format(CultureInfo.CurrentCulture, AdminText.User_EmailTaken, userName));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), AdminText.User_EmailInvalid);
    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), AdminText.User_EmailInvalid);

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}

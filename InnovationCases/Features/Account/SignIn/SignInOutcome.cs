namespace InnovationCases.Features.Account.SignIn;

/// <summary>What happened to one sign-in attempt. The user always sees one message; the audit log sees this.</summary>
public enum SignInOutcome
{
    Succeeded,
    WrongPassword,
    UnknownEmail,
    Deactivated,
    LockedOut,
    LockoutStarted,
}

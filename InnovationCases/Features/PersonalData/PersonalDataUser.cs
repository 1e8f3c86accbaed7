namespace InnovationCases.Features.PersonalData;

/// <summary>The person's user account, when they are also a user of the app.</summary>
public sealed record PersonalDataUser(string Email, string DisplayName, string Role, string? Department, bool IsActive);

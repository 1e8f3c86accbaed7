namespace InnovationCases.Features.PersonalData;

/// <summary>One case on which the person is the contact: what identifies it and the personal data it holds.</summary>
public sealed record ContactCase(string CaseNumber, string Title, string ContactName, string ContactEmail, string ContactPhone);

namespace InnovationCases.Features.PersonalData;

/// <summary>Everything the app holds about one person as a case contact or a user: what the export file contains.</summary>
public sealed record PersonalDataExport(DateTime ExportedAtUtc, IReadOnlyList<ContactCase> Cases, PersonalDataUser? User);

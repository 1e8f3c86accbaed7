using InnovationCases.Domain;
using InnovationCases.Resources;

namespace InnovationCases.Features.PersonalData;

/// <summary>
/// Whose data an export or erasure is about: an e-mail, a name, or both. A case matches when its
/// contact's e-mail or name equals one that is given (ignoring case and surrounding spaces): a person
/// who changed e-mail is still found by name, and the admin sees the matches before erasing.
/// </summary>
public sealed record PersonalDataQuery(string? Email, string? Name)
{
    public string? CleanEmail => string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();

    public string? CleanName => string.IsNullOrWhiteSpace(Name) ? null : Name.Trim();

    /// <summary>The Danish messages for what is wrong with the query; empty when it can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CleanEmail is null && CleanName is null)
        {
            errors.Add(PersonalDataText.Query_Required);
        }

        if (CleanEmail is { Length: > Limits.NameMax } || CleanName is { Length: > Limits.NameMax })
        {
            errors.Add(string.Format(PersonalDataText.Query_TooLong, Limits.NameMax));
        }

        return errors;
    }

    public bool Matches(string contactName, string contactEmail) =>
        (CleanEmail is { } e && string.Equals(contactEmail.Trim(), e, StringComparison.OrdinalIgnoreCase))
        || (CleanName is { } n && string.Equals(contactName.Trim(), n, StringComparison.CurrentCultureIgnoreCase));
}

namespace InnovationCases.Features.PersonalData;

/// <summary>The answer to a look-up, export or erasure: the data found (or how many cases were erased), or why it was refused.</summary>
public sealed record PersonalDataResult(IReadOnlyList<string> Errors, PersonalDataExport? Data = null, int Erased = 0)
{
    public bool Succeeded => Errors.Count == 0;

    public static PersonalDataResult Refused(params IEnumerable<string> errors) => new(errors.ToList());

    public static PersonalDataResult Found(PersonalDataExport data) => new([], data);

    public static PersonalDataResult Done(int erased) => new([], Erased: erased);
}

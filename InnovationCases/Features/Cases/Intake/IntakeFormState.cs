using InnovationCases.Resources;

namespace InnovationCases.Features.Cases.Intake;

/// <summary>
/// The form's working state shared by its sections: the model, which fields the person has been in,
/// and the validator's messages. A message shows once its field was touched or submission was tried;
/// messages from the server always show.
/// </summary>
public sealed class IntakeFormState(CaseApplication model, IntakeLookups lookups, bool leadFixed, IReadOnlySet<string>? locked = null)
{
    private readonly HashSet<string> _touched = [];
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();

    public CaseApplication Model { get; } = model;
    public IntakeLookups Lookups { get; } = lookups;

    /// <summary>Department staff apply for their own department: the lead department cannot be changed.</summary>
    public bool LeadFixed { get; } = leadFixed;

    /// <summary>True for a field a decision has fixed: the form shows it but does not let it change.</summary>
    public bool IsLocked(string field) => locked?.Contains(field) == true;

    public bool Attempted { get; private set; }
    public IReadOnlyDictionary<string, string> ServerErrors { get; set; } = new Dictionary<string, string>();

    public int ErrorCount => Visible().Count();

    public string? Error(string field)
    {
        if ((Attempted || _touched.Contains(field)) && _errors.TryGetValue(field, out var e))
        {
            return e;
        }

        return ServerErrors.GetValueOrDefault(field);
    }

    public bool Has(string field) => Error(field) is not null;

    public string Label(string field) => CaseApplicationValidator.Label(field);

    /// <summary>The field's help, or the notice that its text will be shown as plain text.</summary>
    public string? Help(string? text, string? help = null) =>
        CaseApplicationValidator.LooksLikeMarkup(text) ? IntakeText.Val_MarkupNotice : help;

    public void Touch(string field)
    {
        _touched.Add(field);
        ServerErrors = ServerErrors.Where(e => e.Key != field).ToDictionary();
        Revalidate();
    }

    /// <summary>Marks every field as touched and says whether the application may be sent.</summary>
    public bool TrySubmit()
    {
        Attempted = true;
        Revalidate();
        return _errors.Count == 0;
    }

    public void Revalidate() => _errors = CaseApplicationValidator.Validate(Model, Lookups);

    private IEnumerable<string> Visible() =>
        _errors.Keys.Where(k => Attempted || _touched.Contains(k)).Union(ServerErrors.Keys);
}

using InnovationCases.Features.Account;
using InnovationCases.Features.Cases;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace InnovationCases.Features.Delivery;

/// <summary>
/// What every delivery form does the same way: one save at a time, field errors next to their
/// fields, a refusal in an alert, a snackbar and a reload after a save.
/// </summary>
public abstract class DeliveryFormBase : ComponentBase
{
    [Inject]
    protected DeliveryService Delivery { get; set; } = default!;

    [Inject]
    protected CurrentActor Current { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Parameter, EditorRequired]
    public string CaseNumber { get; set; } = "";

    [Parameter, EditorRequired]
    public DeliveryView View { get; set; } = default!;

    [Parameter]
    public EventCallback Saved { get; set; }

    protected IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    protected string? Message { get; private set; }

    protected bool Busy { get; private set; }

    protected string? Err(string field) => Errors.GetValueOrDefault(field);

    protected bool Has(string field) => Errors.ContainsKey(field);

    /// <summary>Runs a save; <paramref name="done"/> resets the form after it was stored.</summary>
    protected async Task SaveAsync(Func<Domain.Actor, Task<CaseCommandResult>> save, Action done)
    {
        if (Busy)
        {
            return;
        }

        Busy = true;
        try
        {
            var result = await save(await Current.RequireAsync());
            Message = null;
            Errors = new Dictionary<string, string>();
            switch (result)
            {
                case CaseCommandResult.Done ok:
                    Snackbar.Add(ok.Message ?? "", Severity.Success);
                    done();
                    await Saved.InvokeAsync();
                    break;
                case CaseCommandResult.Invalid invalid:
                    Errors = invalid.FieldErrors;
                    break;
                case CaseCommandResult.Refused refused:
                    Message = refused.Reason;
                    break;
                case CaseCommandResult.NotFound notFound:
                    Message = notFound.Message;
                    break;
                case CaseCommandResult.Conflict conflict:
                    Message = conflict.Message;
                    break;
            }
        }
        finally
        {
            Busy = false;
        }
    }
}

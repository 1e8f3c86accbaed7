using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Account;
using InnovationCases.Resources;
using MudBlazor;

namespace InnovationCases.Features.Moves;

/// <summary>
/// The one way the UI makes a move (board drop, card menu, case page): opens the dialog for the
/// move's data when it needs any, fires it through <see cref="CaseWorkflowService"/> — the dialog
/// hands its data back here, it never calls the service itself — and tells the user the outcome
/// (unless the caller shows it itself: <c>report: false</c>). Returns null when the user cancelled.
/// </summary>
public sealed class MoveRunner(IDialogService dialogs, CaseWorkflowService workflow, CurrentActor current, ISnackbar snackbar)
{
    public async Task<MoveResult?> RunAsync(MoveRequest request, bool report = true)
    {
        MoveResult? result;
        if (request.NeedsDialog)
        {
            var parameters = new DialogParameters<MoveDialog>
            {
                { d => d.Request, request },
                { d => d.Fire, data => FireAsync(request, data) },
            };
            var title = string.Format(MoveText.DialogTitle, request.Trigger.Label(), request.CaseNumber);
            var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true, BackdropClick = false };
            var dialog = await dialogs.ShowAsync<MoveDialog>(title, parameters, options);
            var closed = await dialog.Result;
            if (closed is null || closed.Canceled)
            {
                return null;
            }

            result = closed.Data as MoveResult;
        }
        else
        {
            result = await FireAsync(request, MoveData.Empty(request.Trigger));
        }

        if (result is not null && report)
        {
            Report(result);
        }

        return result;
    }

    private async Task<MoveResult> FireAsync(MoveRequest request, MoveData data) =>
        await workflow.FireAsync(request.CaseNumber, data, await current.RequireAsync(), request.Version);

    /// <summary>Shows a move's outcome as a snackbar: success, refusal with its reasons, or who moved it first.</summary>
    public void Report(MoveResult result)
    {
        switch (result)
        {
            case MoveResult.Moved m:
                snackbar.Add(string.Format(MoveText.Moved, m.CaseNumber, m.To.Label()), Severity.Success);
                break;
            case MoveResult.Refused r:
                snackbar.Add(string.Format(MoveText.Refused, string.Join(" ", r.Reasons)), Severity.Error);
                break;
            case MoveResult.Conflict c:
                snackbar.Add(string.Format(MoveText.Conflict, c.Message), Severity.Warning);
                break;
            case MoveResult.NotFound n:
                snackbar.Add(string.Format(MoveText.NotFound, n.Message), Severity.Error);
                break;
        }
    }
}

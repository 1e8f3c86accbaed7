using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Assignments;
using InnovationCases.Features.Cases;
using InnovationCases.Tests.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace InnovationCases.Tests.Features.Assignments;

/// <summary>The assignment dialog over the real services: fresh eyes offered, the others refused with the reason, errors at the fields.</summary>
public sealed class AssignDialogTests(BoardAppFixture fixture) : BoardBunitContext(fixture), IClassFixture<BoardAppFixture>
{
    private async Task<IRenderedComponent<MudDialogProvider>> ShowAsync(InnovationCase c, Actor actor)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var reader = App.AppServices.GetRequiredService<AssignmentReader>();
        var service = App.AppServices.GetRequiredService<AssignmentService>();
        var parameters = new DialogParameters<AssignDialog>
        {
            { x => x.LoadCandidates, kind => reader.CandidatesAsync(c.CaseNumber, kind, actor) },
            { x => x.Save, input => service.AssignAsync(c.CaseNumber, input, actor) },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<AssignDialog>("Tildel", parameters));
        provider.WaitForAssertion(() => provider.Find("[data-assign-dialog]"));
        return provider;
    }

    [Fact]
    public async Task The_lead_departments_director_is_offered_disabled_with_the_reason_and_fresh_eyes_are_suggested()
    {
        var caseworker = await SignInAsync(DemoUsers.Caseworker);
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var mbu = await App.ActorAsync("direktoer.mbu@aarhus.example");
        var mso = await App.ActorAsync("direktoer.mso@aarhus.example");

        var dialog = await ShowAsync(c, caseworker);

        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll($"[data-candidate='{mso.UserId}']")));
        Assert.Contains("Friske øjne", dialog.Find($"[data-candidate='{mso.UserId}']").TextContent);
        var refused = dialog.Find($"[data-candidate='{mbu.UserId}']");
        Assert.Contains("ser ikke sagen med friske øjne", refused.TextContent);
        Assert.True(refused.QuerySelector("input")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Saving_without_a_person_and_with_a_past_date_shows_both_errors_and_stores_nothing()
    {
        var caseworker = await SignInAsync(DemoUsers.Caseworker);
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        var dialog = await ShowAsync(c, caseworker);

        dialog.Find("input[data-due], [data-due] input").Change(DanishTime.Today(DateTime.UtcNow).AddDays(-2).ToString("yyyy-MM-dd"));
        dialog.Find("[data-action='assign-save']").Click();

        dialog.WaitForAssertion(() => Assert.Contains("Fristen kan ikke ligge før i dag.", dialog.Markup));
        Assert.Contains("Vælg mindst én person.", dialog.Find("[data-error='users']").TextContent);
        await using var db = await App.DbAsync();
        Assert.False(await db.CaseAssignments.AnyAsync(a => a.CaseId == c.Id));
    }

    [Fact]
    public async Task Choosing_a_fresh_eyed_director_and_a_due_date_assigns_and_closes_the_dialog()
    {
        var caseworker = await SignInAsync(DemoUsers.Caseworker);
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var mso = await App.ActorAsync("direktoer.mso@aarhus.example");
        var dialog = await ShowAsync(c, caseworker);
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll($"[data-candidate='{mso.UserId}'] input")));

        dialog.Find($"[data-candidate='{mso.UserId}'] input").Change(true);
        dialog.Find("input[data-due], [data-due] input").Change(DanishTime.Today(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd"));
        dialog.Find("[data-action='assign-save']").Click();

        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[data-assign-dialog]")));
        await using var db = await App.DbAsync();
        Assert.Equal(mso.UserId, (await db.CaseAssignments.SingleAsync(a => a.CaseId == c.Id)).UserId);
    }
}

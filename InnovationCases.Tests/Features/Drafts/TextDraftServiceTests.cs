using InnovationCases.Features.Cases;
using InnovationCases.Features.Drafts;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Drafts;

public sealed class TextDraftServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private TextDraftService Drafts => App.AppServices.GetRequiredService<TextDraftService>();

    private async Task<string> AnyCaseNumberAsync()
    {
        await using var db = await App.DbAsync();
        return await db.Cases.OrderBy(c => c.Id).Select(c => c.CaseNumber).FirstAsync();
    }

    [Fact]
    public async Task Saving_again_updates_the_one_draft_and_its_author_gets_the_cleaned_text_back()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var caseNumber = await AnyCaseNumberAsync();

        await Drafts.SaveAsync(caseNumber, "Move:Reject", new Dictionary<string, string?> { ["_reason"] = "Første udkast" }, caseworker);
        var (savedAt, error) = await Drafts.SaveAsync(caseNumber, "Move:Reject", new Dictionary<string, string?> { ["_reason"] = "Andet \u202Eudkast " }, caseworker);

        Assert.Null(error);
        Assert.NotNull(savedAt);
        await using var db = await App.DbAsync();
        Assert.Equal(1, await db.TextDrafts.CountAsync(d => d.OwnerUserId == caseworker.UserId && d.CaseNumber == caseNumber && d.FormKind == "Move:Reject"));
        var loaded = await Drafts.LoadAsync(caseNumber, "Move:Reject", caseworker);
        Assert.Equal("Andet udkast", loaded?.Get("_reason"));
    }

    [Fact]
    public async Task Another_user_cannot_read_or_delete_the_draft()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var director = await App.ActorAsync(DemoUsers.Director);
        var caseNumber = await AnyCaseNumberAsync();
        await Drafts.SaveAsync(caseNumber, "Assessment", new Dictionary<string, string?> { ["Comment"] = "Kun min" }, caseworker);

        Assert.Null(await Drafts.LoadAsync(caseNumber, "Assessment", director));
        await Drafts.DeleteAsync(caseNumber, "Assessment", director);

        Assert.Equal("Kun min", (await Drafts.LoadAsync(caseNumber, "Assessment", caseworker))?.Get("Comment"));
    }

    [Fact]
    public async Task A_draft_on_a_case_the_actor_cannot_see_is_refused()
    {
        var mso = await App.ActorAsync(DemoUsers.Mso);
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        int msoId;
        await using (var db = await App.DbAsync())
        {
            msoId = await db.Departments.Where(d => d.Code == "MSO").Select(d => d.Id).SingleAsync();
        }

        var done = Assert.IsType<CaseCommandResult.Done>(
            await App.AppServices.GetRequiredService<InnovationCases.Features.Cases.Intake.IntakeService>().SubmitAsync(Applications.Valid(msoId), mso));

        var (savedAt, error) = await Drafts.SaveAsync(done.CaseNumber, "Move:Withdraw", new Dictionary<string, string?> { ["_reason"] = "Ikke min sag" }, mbu);

        Assert.Null(savedAt);
        Assert.Equal("Kladden kan ikke gemmes: sagen findes ikke, eller du har ikke adgang til den.", error);
        Assert.Null(await Drafts.LoadAsync(done.CaseNumber, "Move:Withdraw", mbu));
    }

    [Fact]
    public async Task Deleting_removes_that_form_only()
    {
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var caseNumber = await AnyCaseNumberAsync();
        await Drafts.SaveAsync(caseNumber, "Move:Stop", new Dictionary<string, string?> { ["_lessons"] = "Stop tidligt" }, caseworker);
        await Drafts.SaveAsync(caseNumber, "Move:Evaluate", new Dictionary<string, string?> { ["_effects"] = "Færre klager" }, caseworker);

        await Drafts.DeleteAsync(caseNumber, "Move:Stop", caseworker);

        Assert.Null(await Drafts.LoadAsync(caseNumber, "Move:Stop", caseworker));
        Assert.Equal("Færre klager", (await Drafts.LoadAsync(caseNumber, "Move:Evaluate", caseworker))?.Get("_effects"));
    }
}

using System.Security.Claims;
using Bunit;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Account;
using InnovationCases.Features.Live;
using InnovationCases.Features.Notes;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notes;

public sealed class NotesPanelTests : BunitTestContext, IClassFixture<CasesAppFixture>
{
    private readonly TestApp _app;

    public NotesPanelTests(CasesAppFixture fixture)
    {
        _app = fixture.App;
        var app = _app.AppServices;
        Services.AddSingleton(app.GetRequiredService<IDbContextFactory<AppDbContext>>());
        Services.AddSingleton(app.GetRequiredService<NoteReader>());
        Services.AddSingleton(app.GetRequiredService<NoteService>());
        Services.AddSingleton(app.GetRequiredService<CaseChangeNotifier>());
        Services.AddScoped<CurrentActor>();
    }

    private Task<Actor> SignInAsync(string email) => SignInAsync(_app, email);

    [Fact]
    public async Task Typing_at_suggests_people_and_saving_stores_the_mention_as_a_user_id()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Screened, leadCode: "BA");
        await SignInAsync(DemoUsers.Caseworker);
        var director = await _app.ActorAsync(DemoUsers.Director);
        Render<MudBlazor.MudPopoverProvider>();
        var panel = Render<NotesPanel>(p => p.Add(x => x.CaseNumber, c.CaseNumber));
        panel.WaitForElement("[data-notes-none]");

        panel.Find("textarea[data-note-input], [data-note-input] textarea").Input("Kig her @" + director.Name[..3]);
        panel.WaitForElement($"[data-mention-option='{director.UserId}']").Click();
        panel.Find("[data-action=save-note]").Click();

        panel.WaitForAssertion(() => Assert.Contains(director.Name, panel.Find("[data-note-mentions]").TextContent));
        await using var db = await _app.DbAsync();
        var note = await db.CaseNotes.SingleAsync(n => n.CaseId == c.Id);
        Assert.Equal([director.UserId], note.MentionedUserIds);
        Assert.StartsWith("Kig her @" + director.Name, note.Body);
    }

    [Fact]
    public async Task An_empty_note_shows_the_Danish_message_at_the_field()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Screened, leadCode: "BA");
        await SignInAsync(DemoUsers.Caseworker);
        var panel = Render<NotesPanel>(p => p.Add(x => x.CaseNumber, c.CaseNumber));
        panel.WaitForElement("[data-notes-panel]");

        panel.Find("[data-action=save-note]").Click();

        panel.WaitForAssertion(() => Assert.Contains("Skriv noten.", panel.Find("[data-notes-panel]").TextContent));
    }

    [Fact]
    public async Task Department_staff_get_no_panel()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Screened, leadCode: "MBU");
        await SignInAsync(DemoUsers.Mbu);

        var panel = Render<NotesPanel>(p => p.Add(x => x.CaseNumber, c.CaseNumber));

        Assert.Empty(panel.FindAll("[data-notes-panel]"));
    }
}

using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Features.Assignments;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Page;
using InnovationCases.Features.Live;
using InnovationCases.Features.Notes;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notes;

public sealed class NoteServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private NoteService Notes => App.AppServices.GetRequiredService<NoteService>();
    private NoteReader Reader => App.AppServices.GetRequiredService<NoteReader>();

    private static NoteInput Input(string? body, params string[] mentions) => new(body, mentions);

    private async Task<int> NoteCountAsync(InnovationCase c)
    {
        await using var db = await App.DbAsync();
        return await db.CaseNotes.CountAsync(n => n.CaseId == c.Id);
    }

    [Fact]
    public async Task A_caseworker_writes_a_note_and_a_reply_and_note_readers_see_the_thread_and_its_history()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var director = await App.ActorAsync(DemoUsers.Director);

        Assert.IsType<CaseCommandResult.Done>(await Notes.AddAsync(c.CaseNumber, Input("Budgettet ser stramt ud."), caseworker));
        var thread = Assert.Single((await Reader.ForCaseAsync(c.CaseNumber, director))!);
        Assert.IsType<CaseCommandResult.Done>(await Notes.AddAsync(c.CaseNumber, new NoteInput("Enig.", [], thread.Id), director));

        var notes = (await Reader.ForCaseAsync(c.CaseNumber, caseworker))!;
        Assert.Equal("Budgettet ser stramt ud.", Assert.Single(notes).Body);
        Assert.Equal("Enig.", Assert.Single(notes[0].Replies).Body);
        var details = await App.AppServices.GetRequiredService<CaseDetailsService>().GetAsync(c.CaseNumber, caseworker);
        Assert.Equal(2, details!.Events.Count(e => e.Kind == CaseEventKind.NoteAdded));
    }

    [Fact]
    public async Task Department_staff_are_refused_and_see_no_note_by_panel_history_or_mentions()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var staff = await App.ActorAsync(DemoUsers.Mbu);
        Assert.IsType<CaseCommandResult.Done>(await Notes.AddAsync(c.CaseNumber, Input("Internt."), await App.ActorAsync(DemoUsers.Caseworker)));

        var refused = Assert.IsType<CaseCommandResult.Refused>(await Notes.AddAsync(c.CaseNumber, Input("Må jeg?"), staff));

        Assert.Equal("Du kan ikke skrive noter på denne sag.", refused.Reason);
        Assert.Null(await Reader.ForCaseAsync(c.CaseNumber, staff));
        Assert.Empty(await Reader.MentionsAsync(staff));
        var details = await App.AppServices.GetRequiredService<CaseDetailsService>().GetAsync(c.CaseNumber, staff);
        Assert.NotNull(details);
        Assert.DoesNotContain(details.Events, e => e.Kind.IsNoteEvent());
        Assert.Equal(1, await NoteCountAsync(c));
    }

    [Fact]
    public async Task A_live_note_change_reaches_note_readers_and_never_department_staff()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var changes = new List<CaseChange>();
        using var subscription = App.AppServices.GetRequiredService<CaseChangeNotifier>().Subscribe(change =>
        {
            lock (changes)
            {
                changes.Add(change);
            }

            return Task.CompletedTask;
        });

        Assert.IsType<CaseCommandResult.Done>(await Notes.AddAsync(c.CaseNumber, Input("Live."), await App.ActorAsync(DemoUsers.Caseworker)));

        CaseChange noted;
        lock (changes)
        {
            noted = Assert.Single(changes, x => x.CaseNumber == c.CaseNumber && x.Kind == CaseEventKind.NoteAdded);
        }

        Assert.True(noted.IsVisibleTo(await App.ActorAsync(DemoUsers.Director)));
        Assert.False(noted.IsVisibleTo(await App.ActorAsync(DemoUsers.Mbu)));
        Assert.False(noted.IsVisibleTo(await App.ActorAsync(DemoUsers.Manager)));
    }

    [Fact]
    public async Task The_advisory_member_writes_notes_only_on_a_case_they_are_assigned_to()
    {
        var assigned = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        var other = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        var panel = await App.ActorAsync(DemoUsers.Panel);
        var due = DanishTime.Today(DateTime.UtcNow).AddDays(7);
        Assert.IsType<CaseCommandResult.Done>(await App.AppServices.GetRequiredService<AssignmentService>().AssignAsync(assigned.CaseNumber,
            new AssignmentInput { Kind = AssignmentKind.Advice, UserIds = [panel.UserId], DueDate = due }, await App.ActorAsync(DemoUsers.Caseworker)));

        Assert.IsType<CaseCommandResult.Done>(await Notes.AddAsync(assigned.CaseNumber, Input("Et råd i noten."), panel));
        Assert.IsType<CaseCommandResult.NotFound>(await Notes.AddAsync(other.CaseNumber, Input("Ikke min sag."), panel));
        Assert.Null(await Reader.ForCaseAsync(other.CaseNumber, panel));
        Assert.Equal(0, await NoteCountAsync(other));
    }

    [Fact]
    public async Task An_empty_or_too_long_note_and_a_reply_to_a_reply_are_refused_and_nothing_is_stored()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        var empty = Assert.IsType<CaseCommandResult.Invalid>(await Notes.AddAsync(c.CaseNumber, Input("  "), caseworker));
        var tooLong = Assert.IsType<CaseCommandResult.Invalid>(await Notes.AddAsync(c.CaseNumber, Input(new string('x', Limits.TextMax + 1)), caseworker));

        Assert.Equal("Skriv noten.", empty.FieldErrors[NoteService.BodyField]);
        Assert.Equal("Noten må højst være 4.000 tegn.", tooLong.FieldErrors[NoteService.BodyField]);
        Assert.Equal(0, await NoteCountAsync(c));

        Assert.IsType<CaseCommandResult.Done>(await Notes.AddAsync(c.CaseNumber, Input("Første."), caseworker));
        var top = Assert.Single((await Reader.ForCaseAsync(c.CaseNumber, caseworker))!);
        Assert.IsType<CaseCommandResult.Done>(await Notes.AddAsync(c.CaseNumber, new NoteInput("Svar.", [], top.Id), caseworker));
        var reply = Assert.Single((await Reader.ForCaseAsync(c.CaseNumber, caseworker))![0].Replies);
        Assert.IsType<CaseCommandResult.Refused>(await Notes.AddAsync(c.CaseNumber, new NoteInput("Svar på svar.", [], reply.Id), caseworker));
        Assert.Equal(2, await NoteCountAsync(c));
    }

    [Fact]
    public async Task The_author_may_edit_for_ten_minutes_and_then_the_note_is_fixed()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "BA");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        Assert.IsType<CaseCommandResult.Done>(await Notes.AddAsync(c.CaseNumber, Input("Førsteudkast."), caseworker));
        var id = Assert.Single((await Reader.ForCaseAsync(c.CaseNumber, caseworker))!).Id;

        Assert.IsType<CaseCommandResult.Refused>(await Notes.EditAsync(c.CaseNumber, id, "Ikke min.", await App.ActorAsync(DemoUsers.Director)));
        Assert.IsType<CaseCommandResult.Done>(await Notes.EditAsync(c.CaseNumber, id, "Rettet.", caseworker));
        await using (var db = await App.DbAsync())
        {
            await db.CaseNotes.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.CreatedAt, DateTime.UtcNow.AddMinutes(-11)));
        }

        var late = Assert.IsType<CaseCommandResult.Refused>(await Notes.EditAsync(c.CaseNumber, id, "For sent.", caseworker));

        Assert.Equal("Noten kan kun rettes de første 10 minutter; nu ligger den fast.", late.Reason);
        var note = Assert.Single((await Reader.ForCaseAsync(c.CaseNumber, caseworker))!);
        Assert.Equal("Rettet.", note.Body);
        Assert.False(note.MayEdit);
    }

    [Fact]
    public async Task A_mention_reaches_the_mentioned_director_and_a_mention_of_someone_who_cannot_read_notes_is_refused()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened, leadCode: "MBU");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var director = await App.ActorAsync(DemoUsers.Director);
        var staff = await App.ActorAsync(DemoUsers.Mbu);

        var refused = Assert.IsType<CaseCommandResult.Invalid>(await Notes.AddAsync(c.CaseNumber, Input("Hej @MBU", staff.UserId), caseworker));
        Assert.Contains("kan ikke se noter", refused.FieldErrors[NoteService.MentionsField]);
        Assert.DoesNotContain(await Reader.CandidatesAsync(c.CaseNumber, caseworker), x => x.UserId == staff.UserId);
        Assert.Contains(await Reader.CandidatesAsync(c.CaseNumber, caseworker), x => x.UserId == director.UserId);

        Assert.IsType<CaseCommandResult.Done>(await Notes.AddAsync(c.CaseNumber, Input("Se lige her @" + director.Name, director.UserId), caseworker));

        Assert.Contains(await Reader.MentionsAsync(director), m => m.CaseNumber == c.CaseNumber);
        Assert.DoesNotContain(await Reader.MentionsAsync(caseworker), m => m.CaseNumber == c.CaseNumber);
        Assert.Equal(director.Name, Assert.Single(Assert.Single((await Reader.ForCaseAsync(c.CaseNumber, caseworker))!).MentionedNames));

        // The e-mail: one row, to the director only, saying it is a mention, never carrying the note's text.
        await InnovationCases.Tests.Features.Notifications.MailTestApp.FannedOutAsync(App);
        await using var db = await App.DbAsync();
        var mail = Assert.Single(await db.Outbox.AsNoTracking().Include(m => m.Body).Where(m => m.CaseId == c.Id && m.Kind == NotificationKind.Mention).ToListAsync());
        Assert.Equal(director.UserId, mail.RecipientUserId);
        Assert.Contains("nævnt", mail.Body!.Subject);
        Assert.StartsWith(c.CaseNumber, mail.Body.Subject);
        Assert.DoesNotContain("Se lige her", mail.Body.TextBody + mail.Body.HtmlBody + mail.Body.Detail);
    }
}

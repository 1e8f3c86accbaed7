using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>
/// A change writes one pending row in its transaction; the fan-out expands it into the recipients'
/// rows afterwards, once. The background fan-out is off here, so the tests see both sides.
/// </summary>
public class NotificationFanOutTests : IClassFixture<NotificationFanOutTests.App>
{
    public class App : IDisposable
    {
        public App()
            : this(null)
        {
        }

        /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
        protected App(InnovationCases.Data.DatabaseProvider? provider)
        {
            Inner = new(demoData: true, provider: provider);
            Inner.Settings["Notifications:FanOutInBackground"] = "false";
        }

        public TestApp Inner { get; }

        public void Dispose() => Inner.Dispose();
    }

    private readonly TestApp _app;

    public NotificationFanOutTests(App app) => _app = app.Inner;

    private NotificationFanOut FanOut => _app.AppServices.GetRequiredService<NotificationFanOut>();

    [Fact]
    public async Task A_move_writes_one_pending_row_and_no_outbox_rows_and_the_fan_out_expands_it_once()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU", partnerCodes: ["MSO"]);

        await MailTestApp.ScreenAsync(_app, c);

        await using (var db = await _app.DbAsync())
        {
            var moved = await db.CaseEvents.SingleAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Moved);
            Assert.Equal(moved.Id, Assert.Single(await db.PendingFanOuts.Where(f => f.Event!.CaseId == c.Id).ToListAsync()).CaseEventId);
            Assert.False(await db.Outbox.AnyAsync(m => m.CaseId == c.Id));
        }

        Assert.True(await FanOut.RunAsync() >= 1);
        var rows = await OutboxAsync(c.Id);
        Assert.Contains(rows, r => r.RecipientEmail == DemoUsers.Mbu);
        Assert.Contains(rows, r => r.RecipientEmail == DemoUsers.Mso);
        Assert.All(rows, r => Assert.StartsWith($"{c.CaseNumber} {c.Title}: flyttet til Screenet", r.Body!.Subject));
        Assert.Single(rows.Select(r => r.BodyId).Distinct());

        // A second run finds nothing pending and writes nothing again.
        Assert.Equal(0, await FanOut.RunAsync());
        Assert.Equal(rows.Select(r => r.Id), (await OutboxAsync(c.Id)).Select(r => r.Id));
        await using var check = await _app.DbAsync();
        Assert.False(await check.PendingFanOuts.AnyAsync(f => f.Event!.CaseId == c.Id));
    }

    [Fact]
    public async Task A_pass_that_stopped_after_storing_the_rows_but_before_deleting_the_pending_row_is_repeated_without_writing_anything_twice()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU", partnerCodes: ["MSO"]);
        await MailTestApp.ScreenAsync(_app, c);
        await FanOut.RunAsync();
        var rows = await OutboxAsync(c.Id);
        Assert.NotEmpty(rows);

        // The rows are stored (the notifications' transaction) but the pending row is still there (the
        // cases' transaction that deletes it did not commit): the next pass plans the change again.
        await using (var db = await _app.DbAsync())
        {
            var moved = await db.CaseEvents.SingleAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Moved);
            db.PendingFanOuts.Add(new PendingFanOut { CaseEventId = moved.Id });
            await db.SaveChangesAsync();
        }

        Assert.True(await FanOut.RunAsync() >= 1);

        var again = await OutboxAsync(c.Id);
        Assert.Equal(rows.Select(r => (r.Id, r.BodyId, r.RecipientUserId)), again.Select(r => (r.Id, r.BodyId, r.RecipientUserId)));
        Assert.Single(again.Select(r => r.BodyId).Distinct());
        await using var check = await _app.DbAsync();
        Assert.False(await check.PendingFanOuts.AnyAsync(f => f.Event!.CaseId == c.Id));
    }

    [Fact]
    public async Task Recipients_are_those_of_the_fan_out_moment_a_colleague_who_joined_after_the_move_is_told_one_who_left_is_not()
    {
        var stays = await MailTestApp.AddStaffAsync(_app, "MKB", $"bliver-{Guid.NewGuid():N}@aarhus.example");
        var leaves = await MailTestApp.AddStaffAsync(_app, "MKB", $"rejser-{Guid.NewGuid():N}@aarhus.example");
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MKB");

        await MailTestApp.ScreenAsync(_app, c);
        var joined = await MailTestApp.AddStaffAsync(_app, "MKB", $"ny-{Guid.NewGuid():N}@aarhus.example");
        await using (var db = await _app.DbAsync())
        {
            await db.Users.Where(u => u.Id == leaves.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        await FanOut.RunAsync();

        var recipients = (await OutboxAsync(c.Id)).Select(r => r.RecipientUserId).ToList();
        Assert.Contains(stays.Id, recipients);
        Assert.Contains(joined.Id, recipients);
        Assert.DoesNotContain(leaves.Id, recipients);
    }

    [Fact]
    public async Task Several_fan_outs_at_once_write_each_recipients_notification_once()
    {
        var cases = new List<InnovationCase>();
        for (var i = 0; i < 12; i++)
        {
            var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU", partnerCodes: ["MSO"]);
            await MailTestApp.ScreenAsync(_app, c);
            cases.Add(c);
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => FanOut.RunAsync())));

        var ids = cases.Select(c => (int?)c.Id).ToList();
        await using var db = await _app.DbAsync();
        var rows = await db.Outbox.Where(m => ids.Contains(m.CaseId)).Select(m => new { m.CaseId, m.RecipientUserId, m.Kind, m.Key, m.BodyId }).ToListAsync();
        Assert.All(rows.GroupBy(r => (r.CaseId, r.RecipientUserId, r.Kind)), g => Assert.Single(g));
        // One text per change and kind, shared by its recipients; the rows need no key of their own.
        Assert.All(rows.GroupBy(r => (r.CaseId, r.Kind)), g => Assert.Single(g.Select(r => r.BodyId).Distinct()));
        Assert.All(rows, r => Assert.Null(r.Key));
        Assert.All(cases, c => Assert.Contains(rows, r => r.CaseId == c.Id));
        Assert.False(await db.PendingFanOuts.AnyAsync(f => ids.Contains(f.Event!.CaseId)));
    }

    [Fact]
    public async Task The_database_refuses_a_second_row_of_one_changes_text_for_one_recipient()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU");
        await MailTestApp.ScreenAsync(_app, c);
        await FanOut.RunAsync();
        var row = Assert.Single(await OutboxAsync(c.Id), r => r.RecipientEmail == DemoUsers.Mbu);

        // What a second fan-out of the same change would write, had the claim let it through.
        await using var db = await _app.DbAsync();
        var copy = Outbox.Row(row.RecipientUserId, row.RecipientEmail, row.Kind, row.CaseId, row.CaseNumber, row.Body!, DateTime.UtcNow, NotificationDelivery.Immediately);
        copy.Body = null;
        db.Outbox.Add(copy);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task A_pass_of_more_rows_than_one_statement_holds_stores_every_row_and_text_as_planned()
    {
        // Enough recipients that the pass's rows take several statements on SQLite (OutboxBatch).
        var added = new HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            added.Add((await MailTestApp.AddStaffAsync(_app, "MBU", $"mange-{i}-{Guid.NewGuid():N}@aarhus.example")).Id);
        }

        var cases = new List<InnovationCase>();
        for (var i = 0; i < 3; i++)
        {
            var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU", partnerCodes: ["MSO"]);
            await MailTestApp.ScreenAsync(_app, c);
            cases.Add(c);
        }

        Assert.True(await FanOut.RunAsync() >= cases.Count);

        await using var db = await _app.DbAsync();
        var departments = await db.Departments.Where(d => d.Code == "MBU" || d.Code == "MSO").Select(d => (int?)d.Id).ToListAsync();
        var staff = await db.Users.Where(u => u.IsActive && u.Role == Role.DepartmentStaff && departments.Contains(u.DepartmentId))
            .Select(u => new { u.Id, u.Email }).ToListAsync();
        var total = 0;
        foreach (var c in cases)
        {
            var moved = await db.CaseEvents.AsNoTracking().SingleAsync(e => e.CaseId == c.Id && e.Kind == CaseEventKind.Moved);
            var rows = await OutboxAsync(c.Id);
            total += rows.Count;
            Assert.Equal(staff.Select(s => s.Id).Order(), rows.Select(r => r.RecipientUserId).Order());
            var body = Assert.Single(rows.Select(r => r.Body!).DistinctBy(b => b.Id));
            Assert.StartsWith($"{c.CaseNumber} {c.Title}: flyttet til Screenet", body.Subject);
            Assert.Contains(c.CaseNumber, body.TextBody);
            Assert.Contains("<p>", body.HtmlBody);
            Assert.Equal($"cases/{c.CaseNumber}", body.LinkPath);
            Assert.All(rows, r =>
            {
                Assert.Equal(staff.Single(s => s.Id == r.RecipientUserId).Email, r.RecipientEmail);
                Assert.Equal(NotificationKind.CaseMoved, r.Kind);
                Assert.Equal(c.CaseNumber, r.CaseNumber);
                if (added.Contains(r.RecipientUserId))
                {
                    // Their role's default for a move: mailed at once.
                    Assert.Equal(OutboxStatus.Pending, r.Status);
                }

                Assert.Equal(moved.At, r.CreatedAt);
                Assert.InRange(r.NextAttemptAt, moved.At.AddMinutes(-1), moved.At.AddHours(1));
                Assert.Equal(0, r.Attempts);
                Assert.Null(r.Key);
                Assert.Null(r.ClaimToken);
                Assert.Null(r.ClaimedUntil);
                Assert.Null(r.SentAt);
                Assert.Null(r.ReadAt);
                Assert.Null(r.DigestId);
            });
        }

        Assert.True(total > 2 * InnovationCases.Data.MappedSql.RowsPerStatement, $"{total} rows should take several statements on SQLite");
    }

    [Fact]
    public async Task A_refused_move_writes_no_pending_row()
    {
        var c = await Arrange.CaseAsync(_app, Stage.Submitted, leadCode: "MBU");
        var caseworker = await _app.ActorAsync(DemoUsers.Caseworker);

        var result = await _app.AppServices.GetRequiredService<InnovationCases.Features.Moves.CaseWorkflowService>()
            .FireAsync(c.CaseNumber, new InnovationCases.Domain.Workflow.GrantData(1, null, null), caseworker, c.Version);

        Assert.IsNotType<InnovationCases.Features.Moves.MoveResult.Moved>(result);
        await using var db = await _app.DbAsync();
        Assert.False(await db.PendingFanOuts.AnyAsync(f => f.Event!.CaseId == c.Id));
    }

    private async Task<List<OutboxMessage>> OutboxAsync(int caseId)
    {
        await using var db = await _app.DbAsync();
        return await db.Outbox.AsNoTracking().Include(m => m.Body).Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync();
    }
}

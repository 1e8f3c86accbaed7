using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data.Postgres;

/// <summary>The notification fan-out on two instances of one PostgreSQL database: each change expanded once.</summary>
public sealed class TwoInstanceFanOutTests
{
    private const int Changes = 40;
    private const int Staff = 3;

    [Fact]
    public async Task Two_instances_fanning_out_at_once_write_each_recipients_notification_once()
    {
        using var database = await PgDatabase.CreateAsync();
        await using (var db = database.Open())
        {
            for (var i = 0; i < Staff; i++)
            {
                var email = $"mbu{i}-{Guid.NewGuid():N}@aarhus.example";
                db.Users.Add(new AppUser { UserName = email, Email = email, DisplayName = "Medarbejder " + i, Role = Role.DepartmentStaff, DepartmentId = database.DepartmentId });
            }

            await db.SaveChangesAsync();
        }

        var cases = new List<InnovationCase>();
        for (var i = 0; i < Changes; i++)
        {
            cases.Add(await database.CaseAsync());
        }

        // The moves' events and their pending rows in one commit, as the pipeline writes them: both instances see them at once.
        await using (var db = database.Open())
        {
            foreach (var c in cases)
            {
                var ev = new CaseEvent
                {
                    CaseId = c.Id, Kind = CaseEventKind.Moved, FromStage = Stage.Submitted, ToStage = Stage.Screened, Trigger = Trigger.Screen,
                    ActorUserId = database.Caseworker.UserId, ActorName = database.Caseworker.Name, At = DateTime.UtcNow,
                };
                db.CaseEvents.Add(ev);
                db.PendingFanOuts.Add(new PendingFanOut { Event = ev });
            }

            await db.SaveChangesAsync();
        }

        await using var a = await PgInstance.StartAsync(database.ConnectionString);
        await using var b = await PgInstance.StartAsync(database.ConnectionString);

        var expanded = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? a : b).FanOut.RunAsync())));

        await using var check = database.Open();
        var rows = await check.Outbox.Where(m => m.Kind == NotificationKind.CaseMoved).Select(m => new { m.BodyId, m.CaseId, m.RecipientUserId }).ToListAsync();
        Assert.Equal(Changes * Staff, rows.Count);
        Assert.All(rows.GroupBy(r => (r.CaseId, r.RecipientUserId)), g => Assert.Single(g));
        Assert.All(rows.GroupBy(r => r.CaseId), g => Assert.Single(g.Select(r => r.BodyId).Distinct()));
        Assert.All(cases, c => Assert.Equal(Staff, rows.Count(r => r.CaseId == c.Id)));
        Assert.Equal(Changes, expanded.Sum());
        Assert.False(await check.PendingFanOuts.AnyAsync());
        Assert.Equal(0, await a.FanOut.RunAsync());
    }
}

using InnovationCases.Data;
using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data;

/// <summary>
/// The fan-out's rows go through one prepared one-row INSERT that runs again per row with new values:
/// every row must be stored with its own values and the model's conversions (also nulls and values
/// that differ from the first row's, which made the command's parameters), and every run must still
/// pass EF's interceptors (the command counter of B3).
/// </summary>
public sealed class PreparedInsertTests : InMemoryModel
{
    [Fact]
    public async Task Every_row_is_stored_with_its_own_values_and_every_run_is_seen_by_the_interceptors()
    {
        var now = new DateTime(2026, 12, 2, 21, 30, 15, 123, DateTimeKind.Utc);
        var bodies = Enumerable.Range(0, 19).Select(i => new NotificationBody
        {
            Id = NotificationBody.NewId(), Subject = $"Emne {i}", Detail = $"Detalje {i}", TextBody = $"Tekst {i}", HtmlBody = $"<p>{i}</p>",
            DigestLine = $"Linje {i}", LinkPath = $"cases/INNO-2026-{i:D4}",
        }).ToList();
        var rows = bodies.Select((b, i) => new OutboxMessage
        {
            RecipientUserId = $"user-{i}", RecipientEmail = i % 3 == 0 ? null : $"u{i}@aarhus.example", Kind = (NotificationKind)(i % 3),
            CaseId = null, CaseNumber = $"INNO-2026-{i:D4}", BodyId = b.Id, Status = i % 2 == 0 ? OutboxStatus.Pending : OutboxStatus.InAppOnly,
            CreatedAt = now.AddSeconds(i), Attempts = 0, NextAttemptAt = now.AddMinutes(i),
        }).ToList();

        await using (var db = Context())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var before = Counter.Count;
            await OutboxBatch.InsertAsync(db, bodies, rows, CancellationToken.None);
            // One run of the prepared statement per row, each counted.
            Assert.Equal(bodies.Count + rows.Count, Counter.Count - before);
            await tx.CommitAsync();
        }

        await using var check = Context();
        var stored = await check.Outbox.AsNoTracking().Include(m => m.Body).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(rows.Count, stored.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (want, got) = (rows[i], stored[i]);
            Assert.Equal(want.RecipientUserId, got.RecipientUserId);
            Assert.Equal(want.RecipientEmail, got.RecipientEmail);
            Assert.Equal(want.Kind, got.Kind);
            Assert.Equal(want.CaseNumber, got.CaseNumber);
            Assert.Equal(want.Status, got.Status);
            Assert.Equal(want.CreatedAt, got.CreatedAt);
            Assert.Equal(want.NextAttemptAt, got.NextAttemptAt);
            Assert.Equal(bodies[i].Id, got.BodyId);
            Assert.Equal(bodies[i].Subject, got.Body!.Subject);
            Assert.Equal(bodies[i].TextBody, got.Body.TextBody);
            Assert.Equal(bodies[i].LinkPath, got.Body.LinkPath);
        }
    }
}

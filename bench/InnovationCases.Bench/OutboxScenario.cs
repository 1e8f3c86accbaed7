using System.Diagnostics;
using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Bench;

/// <summary>
/// B9: the e-mail outbox. B9a: the dispatcher's rate to a local SMTP server (claim, send over one
/// connection per batch, mark each sent). B9b: B1's single-writer moves with the outbox writing a
/// notification to every staff member of the case's departments (5 per department) against the
/// same moves with notifications switched off. A move writes one pending row; the background
/// fan-out expands it into the recipients' rows while the moves run (it shares the one writer), and
/// the run waits for it to finish after the last move: the notes give that lag and check the rows.
/// </summary>
internal static class OutboxScenario
{
    public const double TargetPerSecond = 200;
    public const int StaffPerDepartment = 5;

    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(bool smoke)
    {
        var messages = smoke ? 200 : 5_000;
        // BENCH_B9_MOVES=<n> runs B9b at another size (a quick before/after comparison on a busy machine).
        var moves = int.TryParse(Environment.GetEnvironmentVariable("BENCH_B9_MOVES"), out var n) ? n : smoke ? 320 : 20_000;
        var repeats = smoke ? 1 : 3;
        var rates = new List<double>();
        var perMessage = new List<double>();
        var with = new List<double>();
        var without = new List<double>();
        var errors = 0;
        var lags = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            var (rate, ms) = await DispatchOnceAsync(messages);
            rates.Add(rate);
            perMessage.AddRange(ms);

            var off = await MovesScenario.RunOnceAsync(moves, writers: 1, new Dictionary<string, string?> { ["Notifications:Enabled"] = "false" });
            var fanOut = new FanOutCheck(moves);
            var on = await MovesScenario.RunOnceAsync(moves, writers: 1, prepare: fanOut.PrepareAsync, finish: fanOut.WaitAsync);
            lags.Add(fanOut.LagMs);
            errors += fanOut.Errors;
            without.Add(off.Rate);
            with.Add(on.Rate);
            errors += off.Errors + on.Errors + off.Missing + on.Missing;
        }

        var ratio = Stats.Median(with) / Stats.Median(without);
        return
        [
            new("B9a", $"dispatch {messages:N0} outbox messages to a local SMTP server", "≥ 200 messages/s", "messages/s", Stats.Median(rates),
                Stats.Percentile(perMessage, 95), messages * repeats, Stats.Median(rates) >= TargetPerSecond, "p95 is the time per message within a batch", "ms per message"),
            new("B9b", "B1 moves (one writer) with the outbox writing for 5+ recipients per move", "within 10 % of B1 without", "moves/s", Stats.Median(with),
                ratio * 100, moves * repeats, ratio >= 0.9 && errors == 0,
                $"without notifications {Stats.Median(without):0} moves/s; fan-out done {Stats.Median(lags):0} ms after the last move; {errors} errors; the p95 column is with/without in %", "% of without"),
        ];
    }

    private static async Task<(double Rate, List<double> PerMessage)> DispatchOnceAsync(int count)
    {
        await using var sink = new SmtpSink();
        await using var host = await BenchHost.StartAsync("b9", settings: new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp",
            ["Mail:Host"] = "127.0.0.1",
            ["Mail:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:StartTls"] = "false",
            ["Mail:BatchSize"] = "100",
        });
        await using (var db = await host.DbAsync())
        {
            var now = DateTime.UtcNow;
            db.Outbox.AddRange(Enumerable.Range(0, count).Select(i => new OutboxMessage
            {
                RecipientUserId = "bench",
                RecipientEmail = $"modtager{i % 50}@aarhus.example",
                Kind = NotificationKind.CaseMoved,
                CaseNumber = $"INNO-2026-{i:D4}",
                BodyId = "",
                Body = new NotificationBody
                {
                    Id = NotificationBody.NewId(),
                    Subject = $"INNO-2026-{i:D4} Skalering {i}: flyttet til Screenet",
                    Detail = "Sagen er flyttet: Screenet (Indsendt → Screenet).",
                    TextBody = "Sagen er flyttet: Screenet (Indsendt → Screenet).\n\nSe sagen: https://innovation.test/cases/INNO-2026-0001",
                    HtmlBody = "<p>Sagen er flyttet: Screenet (Indsendt → Screenet).</p>",
                    DigestLine = "d",
                    LinkPath = "cases/INNO-2026-0001",
                },
                Status = OutboxStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            }));
            await db.SaveChangesAsync();
        }

        var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
        var perMessage = new List<double>();
        var sent = 0;
        var total = Stopwatch.StartNew();
        while (sent < count)
        {
            var sw = Stopwatch.StartNew();
            var batch = await dispatcher.DispatchOnceAsync(CancellationToken.None) ?? throw new InvalidOperationException("The SMTP sink could not be reached.");
            if (batch == 0)
            {
                throw new InvalidOperationException($"The dispatcher stopped after {sent} of {count}.");
            }

            perMessage.AddRange(Enumerable.Repeat(sw.Elapsed.TotalMilliseconds / batch, batch));
            sent += batch;
        }

        total.Stop();
        if (sink.Messages != count)
        {
            throw new InvalidOperationException($"The sink received {sink.Messages} messages, expected {count}.");
        }

        return (count / total.Elapsed.TotalSeconds, perMessage);
    }

    /// <summary>After the moves: waits until the fan-out has expanded every move, and checks each got its five or more rows.</summary>
    private sealed class FanOutCheck(int moves)
    {
        private NotificationFanOutJob? _job;

        public double LagMs { get; private set; }
        public int Errors { get; private set; }

        /// <summary>Adds the recipients and starts the fan-out job: B1's host is not started, so its hosted services do not run by themselves.</summary>
        public async Task PrepareAsync(BenchHost host)
        {
            await AddStaffAsync(host);
            _job = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<NotificationFanOutJob>().Single();
            await _job.StartAsync(CancellationToken.None);
        }

        public async Task WaitAsync(BenchHost host)
        {
            var sw = Stopwatch.StartNew();
            while (true)
            {
                await using var db = await host.DbAsync();
                if (!await db.PendingFanOuts.AnyAsync())
                {
                    break;
                }

                if (sw.Elapsed > TimeSpan.FromMinutes(2))
                {
                    throw new InvalidOperationException("The notification fan-out did not finish within 2 minutes of the last move.");
                }

                await Task.Delay(10);
            }

            LagMs = sw.Elapsed.TotalMilliseconds;
            await _job!.StopAsync(CancellationToken.None);
            await using var check = await host.DbAsync();
            // A move's rows share its one text (per event and kind), so the texts count the moves.
            var perEvent = await check.Outbox.Where(m => m.Kind == NotificationKind.CaseMoved).GroupBy(m => m.BodyId).Select(g => g.Count()).ToListAsync();
            Errors = Math.Abs(moves - perEvent.Count) + perEvent.Count(n => n < StaffPerDepartment);
        }
    }

    private static async Task AddStaffAsync(BenchHost host)
    {
        await using var db = await host.DbAsync();
        foreach (var d in await db.Departments.ToListAsync())
        {
            var have = await db.Users.CountAsync(u => u.DepartmentId == d.Id && u.Role == Role.DepartmentStaff && u.IsActive);
            for (var i = have; i < StaffPerDepartment; i++)
            {
                var email = $"{d.Code.ToLowerInvariant()}{i}@bench.example";
                db.Users.Add(new AppUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = email, Role = Role.DepartmentStaff, DepartmentId = d.Id, SecurityStamp = Guid.NewGuid().ToString(),
                });
            }
        }

        await db.SaveChangesAsync();
    }
}

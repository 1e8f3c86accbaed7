using System.Diagnostics;
using System.Globalization;
using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using InnovationCases.Features.Cases.Page;
using InnovationCases.Features.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Bench;

/// <summary>
/// B7: the case page's data (the case's details and its delivery: indicators with measurements,
/// milestones, payments, signals) for a project with 20 indicators × 60 measurements, 30 milestones
/// and 40 payments, among 50,000 cases.
/// </summary>
internal static class DeliveryScenario
{
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(bool smoke)
    {
        var cases = smoke ? 1_000 : 50_000;
        var repeats = smoke ? 3 : 30;
        await using var host = await BenchHost.StartAsync("b7");
        await ScaleData.AddAsync(host, open: cases / 5, closed: cases - cases / 5, eventsPerCase: 2);
        var caseNumber = await AddHeavyProjectAsync(host);
        var details = host.Services.GetRequiredService<CaseDetailsService>();
        var delivery = host.Services.GetRequiredService<DeliveryReader>();
        var actor = await host.ActorAsync("sagsbehandler@aarhus.example");

        var detailsTimes = new List<double>();
        async Task LoadAsync()
        {
            var part = Stopwatch.StartNew();
            _ = await details.GetAsync(caseNumber, actor) ?? throw new InvalidOperationException("The B7 case is missing.");
            detailsTimes.Add(part.Elapsed.TotalMilliseconds);
            var view = await delivery.GetAsync(caseNumber, actor) ?? throw new InvalidOperationException("The B7 case has no delivery view.");
            if (view.Indicators.Sum(i => i.Measurements.Count) != 20 * 60)
            {
                throw new InvalidOperationException("B7 read the wrong number of measurements.");
            }
        }

        await LoadAsync(); // warm-up: query compilation
        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            await LoadAsync();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        var median = Stats.Median(times);
        return
        [
            new("B7", string.Create(CultureInfo.InvariantCulture, $"case page data: 20 indicators × 60 measurements, 30 milestones, 40 payments, at {cases:N0} cases"),
                "≤ 50 ms median", "ms", median, Stats.Percentile(times, 95), times.Count, median <= 50,
                string.Create(CultureInfo.InvariantCulture, $"case details {Stats.Median(detailsTimes):0.#} ms of it")),
        ];
    }

    private static async Task<string> AddHeavyProjectAsync(BenchHost host)
    {
        await using var db = await host.DbAsync();
        var c = await db.Cases.OrderBy(x => x.Id).FirstAsync(x => x.Stage == Stage.Submitted);
        var now = DateTime.UtcNow;
        c.Stage = Stage.Granted;
        c.RecommendedAmount = c.RequestedAmount;
        c.GrantedAmount = c.RequestedAmount;
        c.GrantedAt = now.AddYears(-5);
        var start = DateOnly.FromDateTime(now).AddYears(-5);
        for (var i = 0; i < 20; i++)
        {
            var indicator = new Indicator
            {
                CaseId = c.Id, Name = $"Effektmål {i + 1}", Unit = "timer", Direction = IndicatorDirection.LowerIsBetter,
                Baseline = 400, Target = 250, TargetDate = start.AddYears(6), IsRealisedGain = i == 0, CreatedAt = now,
            };
            for (var m = 0; m < 60; m++)
            {
                indicator.Measurements.Add(new Measurement { Date = start.AddMonths(m), Value = 400 - m * 2, ByUserId = "bench", ByName = "Bench", CreatedAt = now });
            }

            c.Indicators.Add(indicator);
        }

        for (var i = 0; i < 30; i++)
        {
            c.Milestones.Add(new Milestone { Name = $"Delmål {i + 1}", DueDate = start.AddMonths(2 * i), Weight = 1 + i % 3, DoneDate = i < 20 ? start.AddMonths(2 * i) : null, CreatedAt = now });
        }

        for (var i = 0; i < 40; i++)
        {
            c.Payments.Add(new Payment { Date = start.AddMonths(i), Amount = (c.GrantedAmount ?? 0) / 50, ByUserId = "bench", ByName = "Bench", CreatedAt = now });
        }

        await db.SaveChangesAsync();
        return c.CaseNumber;
    }
}

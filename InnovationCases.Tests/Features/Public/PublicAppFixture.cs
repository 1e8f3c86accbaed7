using InnovationCases.Domain.Delivery;
using System.Reflection;
using InnovationCases.Domain;
using InnovationCases.Data;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Public;

/// <summary>
/// One app whose cases carry a marker in every private field: a published project (with hostile
/// Markdown stored in its story), an evaluated project whose story is not published, and an
/// application not yet granted whose story is marked published in the database.
/// </summary>
public class PublicAppFixture : IAsyncLifetime, IDisposable
{
    public PublicAppFixture()
        : this(null)
    {
    }

    /// <summary>For the provider matrix (Data/Postgres/ProviderMatrix.cs).</summary>
    protected PublicAppFixture(DatabaseProvider? provider) => App = new(provider: provider);

    public const string Marker = "LEAK-";

    /// <summary>The only case fields a public page may show.</summary>
    private static readonly HashSet<string> PublicFields = [nameof(InnovationCase.CaseNumber), nameof(InnovationCase.Title), nameof(InnovationCase.Summary)];

    public TestApp App { get; }
    public InnovationCase Published { get; private set; } = default!;
    public InnovationCase Formula { get; private set; } = default!;
    public InnovationCase Unpublished { get; private set; } = default!;
    public InnovationCase NotGranted { get; private set; } = default!;
    public const string PublishedStoryTitle = "Sådan fik vi færre tomme ture";
    public const string HostileBody = "Hej <script>alert('x')</script>\n\n[klik](javascript:alert(1)) <img src=x onerror=alert(1)> ![spor](https://tracker.example/p.png)";

    public async Task InitializeAsync()
    {
        Published = await MarkedAsync(Stage.Evaluated, "Offentligt projekt", published: true, PublishedStoryTitle, HostileBody);
        Formula = await MarkedAsync(Stage.Implemented, "=HYPERLINK(\"https://evil.example\")", published: true, "Formelhistorie", "Tekst.");
        Unpublished = await MarkedAsync(Stage.Evaluated, Marker + "UnpublishedTitle", published: false, Marker + "UnpublishedStory", Marker + "Body");
        NotGranted = await MarkedAsync(Stage.Screened, Marker + "NotGrantedTitle", published: true, Marker + "NotGrantedStory", Marker + "Body", granted: false);
    }

    private async Task<InnovationCase> MarkedAsync(Stage stage, string title, bool published, string storyTitle, string body, bool granted = true)
    {
        var c = await Arrange.CaseAsync(App, stage, leadCode: "MTM", granted: granted ? 750_000 : null, partnerCodes: ["MBU"], configure: c =>
        {
            foreach (var p in typeof(InnovationCase).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.PropertyType == typeof(string) && p.CanWrite && !PublicFields.Contains(p.Name)))
            {
                p.SetValue(c, Marker + "Case" + p.Name);
            }

            c.Title = title;
            c.Summary = granted ? "Et offentligt resumé." : Marker + "NotGrantedSummary";
            c.ExternalPartners.Add(new ExternalPartner { Name = Marker + "Partner" });
            c.EffectReports.Add(new EffectReport
            {
                Year = DateTime.UtcNow.Year, IsFinal = true, LessonsLearned = Marker + "Lessons", Narrative = Marker + "Narrative",
                ReportedByUserId = "x", ReportedByName = Marker + "Reporter", CreatedAt = DateTime.UtcNow,
            });
        });
        await using var db = await App.DbAsync();
        db.Assessments.Add(new Assessment
        {
            CaseId = c.Id, AssessorUserId = "x", AssessorName = Marker + "Assessor", Comment = Marker + "AssessmentComment", CreatedAt = DateTime.UtcNow,
            Scores = [new CriterionScore { Criterion = default, Score = 3, Comment = Marker + "ScoreComment" }],
        });
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = c.Id, Kind = CaseEventKind.Moved, ToStage = stage, ActorUserId = "x", ActorName = Marker + "Actor", At = DateTime.UtcNow,
            Note = Marker + "EventNote", DataJson = "{\"advice\":\"" + Marker + "Advice\"}",
        });
        db.Indicators.Add(new Indicator
        {
            CaseId = c.Id, Name = "Ventetid", Unit = "dage", Direction = IndicatorDirection.LowerIsBetter, Baseline = 40, Target = 20,
            TargetDate = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), CreatedAt = DateTime.UtcNow,
            Measurements = [new Measurement { Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), Value = 25, Note = Marker + "MeasurementNote", ByUserId = "x", ByName = Marker + "Measurer" }],
        });
        db.Stories.Add(new Story
        {
            CaseId = c.Id, Title = storyTitle, Lead = published && granted ? "En kort manchet." : Marker + "Lead", BodyMarkdown = body,
            WentWrong = published && granted ? "Leverandøren var forsinket." : Marker + "WentWrong",
            IsPublished = published, PublishedAt = published ? DateTime.UtcNow : null, UpdatedAt = DateTime.UtcNow, WrittenByName = Marker + "Writer",
        });
        await db.SaveChangesAsync();
        return c;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => App.Dispose();
}

using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Cases.Page;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Cases.Page;

public sealed class CaseFactsTests : BunitTestContext
{
    [Fact]
    public void Hostile_text_is_rendered_escaped_never_as_markup()
    {
        var pool = new Pool { Id = 1, Kind = PoolKind.CrossCutting, Budget = 1 };
        var c = new InnovationCase
        {
            CaseNumber = "INNO-2026-0001", Title = "<script>alert(1)</script>", Summary = "<img src=x onerror=alert(1)>",
            Description = "<b>fed</b>", ApplicantOrganisation = "<iframe src=//evil></iframe>", LeadDepartmentId = 2, Pool = pool,
            PeriodStart = new DateOnly(2026, 3, 1), PeriodEnd = new DateOnly(2026, 11, 30),
        };
        var details = new CaseDetails(c, pool, new Dictionary<int, string> { [2] = "Børn og Unge" }, [], false, false, "x");

        var cut = Render<CaseFacts>(p => p.Add(x => x.Details, details));

        Assert.Empty(cut.FindAll("img"));
        Assert.Empty(cut.FindAll("iframe"));
        Assert.Empty(cut.FindAll("b"));
        Assert.Equal("<img src=x onerror=alert(1)>", cut.Find("[data-fact=Summary]").TextContent);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", cut.Markup);
    }
}

using InnovationCases.Domain;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Stories;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Stories;

public sealed class StoryServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private StoryService Stories => App.AppServices.GetRequiredService<StoryService>();

    private static StoryInput Input(string body = "Vi **lærte** meget.") =>
        new() { Title = "En god historie", Lead = "Kort fortalt.", Body = body, WentWrong = "Leverandøren var forsinket." };

    // The events after the case was created.
    private async Task<List<CaseEventKind>> EventsAsync(InnovationCase c)
    {
        await using var db = await App.DbAsync();
        return await db.CaseEvents.Where(e => e.CaseId == c.Id && e.Kind != CaseEventKind.Created).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
    }

    private async Task<Story?> StoryAsync(InnovationCase c)
    {
        await using var db = await App.DbAsync();
        return await db.Stories.SingleOrDefaultAsync(s => s.CaseId == c.Id);
    }

    [Fact]
    public async Task Lead_department_writes_and_a_caseworker_publishes_and_unpublishes_each_with_an_event()
    {
        var c = await Arrange.CaseAsync(App, Stage.Evaluated, leadCode: "MBU");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        Assert.IsType<CaseCommandResult.Done>(await Stories.SaveAsync(c.CaseNumber, Input(), mbu));
        Assert.IsType<CaseCommandResult.Refused>(await Stories.SetPublishedAsync(c.CaseNumber, true, mbu));
        Assert.False((await StoryAsync(c))!.IsPublished);
        Assert.IsType<CaseCommandResult.Done>(await Stories.SetPublishedAsync(c.CaseNumber, true, caseworker));
        Assert.True((await StoryAsync(c))!.IsPublished);
        Assert.IsType<CaseCommandResult.Done>(await Stories.SetPublishedAsync(c.CaseNumber, false, caseworker));

        Assert.False((await StoryAsync(c))!.IsPublished);
        Assert.Equal([CaseEventKind.StorySaved, CaseEventKind.StoryPublished, CaseEventKind.StoryUnpublished], await EventsAsync(c));
    }

    [Fact]
    public async Task Another_department_may_not_write_the_story()
    {
        var c = await Arrange.CaseAsync(App, Stage.Evaluated, leadCode: "MSO", partnerCodes: ["MBU"]);

        var result = await Stories.SaveAsync(c.CaseNumber, Input(), await App.ActorAsync(DemoUsers.Mbu));

        Assert.IsType<CaseCommandResult.Refused>(result);
        Assert.Null(await StoryAsync(c));
    }

    [Fact]
    public async Task A_story_over_fifty_thousand_characters_gets_a_danish_message_and_nothing_is_stored()
    {
        var c = await Arrange.CaseAsync(App, Stage.Evaluated);

        var result = await Stories.SaveAsync(c.CaseNumber, Input(new string('a', Limits.StoryMax + 1)), await App.ActorAsync(DemoUsers.Caseworker));

        var invalid = Assert.IsType<CaseCommandResult.Invalid>(result);
        Assert.Equal("Højst 50.000 tegn.", invalid.FieldErrors[nameof(StoryInput.Body)]);
        Assert.Null(await StoryAsync(c));
        Assert.Empty(await EventsAsync(c));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public async Task Hostile_markdown_gets_a_danish_message_and_nothing_is_stored(string body)
    {
        var c = await Arrange.CaseAsync(App, Stage.Evaluated);

        var result = await Stories.SaveAsync(c.CaseNumber, Input(body), await App.ActorAsync(DemoUsers.Caseworker));

        var invalid = Assert.IsType<CaseCommandResult.Invalid>(result);
        Assert.StartsWith("Teksten må ikke", invalid.FieldErrors[nameof(StoryInput.Body)]);
        Assert.Null(await StoryAsync(c));
    }

    [Fact]
    public async Task An_application_not_yet_granted_has_no_story_to_publish()
    {
        var c = await Arrange.CaseAsync(App, Stage.Screened);
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);

        Assert.IsType<CaseCommandResult.Refused>(await Stories.SaveAsync(c.CaseNumber, Input(), caseworker));
        Assert.IsType<CaseCommandResult.Refused>(await Stories.SetPublishedAsync(c.CaseNumber, true, caseworker));
    }
}

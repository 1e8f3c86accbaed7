using Bunit;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Features.Cases.Page;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Features.Cases.Page;

public sealed class CaseTimelineTests : BunitTestContext
{
    [Fact]
    public void An_edit_shows_each_changed_field_old_to_new_and_a_move_its_reason()
    {
        var edit = new CaseEvent
        {
            Id = 2, Kind = CaseEventKind.Edited, FromStage = Stage.Submitted, ToStage = Stage.Submitted, ActorUserId = "u", ActorName = "Jonas Kjær",
            At = DateTime.UtcNow, DataJson = CaseEvent.ToJson(new[] { new FieldChange("Title", "Projektets titel", "Gammel", "<i>Ny</i>") }),
        };
        var sendBack = new CaseEvent
        {
            Id = 3, Kind = CaseEventKind.Moved, FromStage = Stage.Screened, ToStage = Stage.Submitted, Trigger = Trigger.SendBack,
            ActorUserId = "c", ActorName = "Sara Lund", At = DateTime.UtcNow, Note = "Uddyb gevinsten.",
            DataJson = CaseEvent.ToJson(new SendBackData("Uddyb gevinsten.")),
        };

        var cut = Render<CaseTimeline>(p => p.Add(x => x.Events, new[] { edit, sendBack }));

        var items = cut.FindAll("[data-event]");
        Assert.Contains("Projektets titel: Gammel → <i>Ny</i>", items[0].TextContent);
        Assert.Empty(cut.FindAll("i"));
        Assert.Contains("Sendt tilbage (Screenet → Indsendt)", items[1].TextContent);
        Assert.Contains("Uddyb gevinsten.", items[1].TextContent);
        Assert.Contains("Sara Lund", items[1].TextContent);
    }

    [Fact]
    public void Event_times_are_shown_on_the_Danish_clock_not_the_servers()
    {
        var created = new CaseEvent
        {
            Id = 1, Kind = CaseEventKind.Created, ToStage = Stage.Submitted, ActorUserId = "u", ActorName = "Jonas Kjær",
            At = new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc),
        };

        var cut = Render<CaseTimeline>(p => p.Add(x => x.Events, new[] { created }));

        Assert.Contains("01.07.2026 12.00", cut.Find("[data-event] .timeline__meta").TextContent); // summer time, UTC+2
    }
}

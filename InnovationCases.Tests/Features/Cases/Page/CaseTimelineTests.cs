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
}

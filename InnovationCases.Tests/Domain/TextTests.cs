using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Tests.Domain;

public sealed class TextTests
{
    [Theory]
    [InlineData("lun\u202Eexe.cba", "lunexe.cba")]
    [InlineData("a\u2066b\u2069c\u200Fd\u061Ce", "abcde")]
    [InlineData("nul\0byte", "nulbyte")]
    [InlineData("\uFEFFzero\u200Bwidth", "zerowidth")]
    [InlineData("  to linjer\nog\ttab  ", "to linjer\nog\ttab")]
    [InlineData("Æblegrød på ø", "Æblegrød på ø")]
    public void Clean_drops_direction_overrides_and_control_characters_and_keeps_line_breaks(string typed, string stored) =>
        Assert.Equal(stored, Text.Clean(typed));

    [Fact]
    public void Every_text_of_a_move_is_cleaned_before_it_is_stored()
    {
        var stop = (StopData)new StopData("Grund\u202E", "Lær\0dom", 5) { Note = "\u202Dnote" }.Cleaned();
        var grant = (GrantData)new GrantData(1, null, "BY\u202E-1").Cleaned();
        var evaluate = (EvaluateData)new EvaluateData(1, "eff\u2067ekt", "lære\u202A", true).Cleaned();

        Assert.Equal(("Grund", "Lærdom", "note"), (stop.Reason, stop.LessonsLearned, stop.Note));
        Assert.Equal("BY-1", grant.CouncilDecisionReference);
        Assert.Equal(("effekt", "lære"), (evaluate.DocumentedEffects, evaluate.LessonsLearned));
        Assert.Null(((RejectData)new RejectData(null).Cleaned()).Reason);
    }
}

using System.Collections;
using System.Globalization;
using System.Resources;
using InnovationCases.Domain;
using InnovationCases.Resources;

namespace InnovationCases.Tests.Resources;

/// <summary>
/// Money ends in the abbreviation "kr.", so a template that puts a period after an amount shows
/// "kr.." (issue 13). These are the templates that take an amount or a reason ending in one.
/// </summary>
public sealed class DanishPunctuationTests
{
    public static TheoryData<string> TextsWithAnAmount() => new()
    {
        string.Format(AdminText.Department_KeyTotals, Money.Format(0), 2026, Money.Format(0)),
        string.Format(AdminText.Department_KeyTotalsNoYear, Money.Format(0)),
        string.Format(CaseText.Effect_GainTooLarge, Money.Format(Limits.AmountMax)),
        string.Format(IntakeText.Val_AmountTooLarge, "Ansøgt beløb (kr.)", Money.Format(Limits.AmountMax)),
        string.Format(MoveText.CouncilRule, MoveText.CouncilRule_Amount),
        string.Format(MoveText.CouncilRule, MoveText.CouncilRule_MultiYear),
        string.Format(WorkflowText.Grant_NeedsCouncilDate, WorkflowText.Grant_CouncilBecauseAmount),
        string.Format(WorkflowText.Grant_NeedsCouncilReference, WorkflowText.Grant_CouncilBecauseMultiYear),
    };

    [Theory]
    [MemberData(nameof(TextsWithAnAmount))]
    public void An_amount_or_reason_at_the_end_of_a_sentence_gets_one_period(string text)
    {
        Assert.DoesNotContain("..", text);
        Assert.EndsWith(".", text);
    }

    [Fact]
    public void No_text_has_a_space_before_a_colon_or_a_double_period()
    {
        var offending = new List<string>();
        foreach (var type in typeof(AdminText).Assembly.GetTypes().Where(t => t.Namespace == typeof(AdminText).Namespace))
        {
            if (type.GetProperty("ResourceManager")?.GetValue(null) is not ResourceManager manager)
            {
                continue;
            }

            var set = manager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
            foreach (DictionaryEntry entry in set)
            {
                if (entry.Value is string value && (value.Contains(" :") || value.Contains("..")))
                {
                    offending.Add($"{type.Name}.{entry.Key}: {value}");
                }
            }
        }

        Assert.Empty(offending);
    }
}

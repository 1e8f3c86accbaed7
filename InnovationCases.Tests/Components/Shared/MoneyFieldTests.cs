using Bunit;
using InnovationCases.Components.Shared;
using InnovationCases.Domain;
using InnovationCases.Tests.Support;

namespace InnovationCases.Tests.Components.Shared;

/// <summary>Every amount field: Danish messages at the field for what is not an allowed amount, never MudBlazor's English or a silent clamp.</summary>
public sealed class MoneyFieldTests : BunitTestContext
{
    private long? _value = 7;

    private IRenderedComponent<MoneyField> RenderField() =>
        Render<MoneyField>(p => p
            .Add(f => f.Label, "Ansøgt beløb (kr.)")
            .Add(f => f.Value, _value)
            .Add(f => f.ValueChanged, v => _value = v));

    [Theory]
    [InlineData("-5", "Beløbet må ikke være negativt.")]
    [InlineData("12345678901234567890", "Skriv et beløb i hele kroner med cifre, fx 250.000.")]
    [InlineData("1.000.000.000.000", "Beløbet må højst være 1.000.000.000 kr.")]
    [InlineData("mange penge", "Skriv et beløb i hele kroner med cifre, fx 250.000.")]
    public void Text_that_is_no_allowed_amount_is_marked_at_the_field_in_Danish_and_passes_no_value(string typed, string message)
    {
        var field = RenderField();

        field.Find("input").Input(typed);

        Assert.Null(_value);
        Assert.Contains(message, field.Markup);
        Assert.Equal("true", field.Find("input").GetAttribute("aria-invalid"));
        Assert.DoesNotContain("Not a valid number", field.Markup);
    }

    [Theory]
    [InlineData("2.500.000", 2_500_000L)]
    [InlineData("2500000", 2_500_000L)]
    [InlineData("2 500 000 kr.", 2_500_000L)]
    [InlineData("1.000.000.000", Limits.AmountMax)]
    [InlineData("0", 0L)]
    public void Danish_amounts_are_read_as_whole_kroner(string typed, long expected)
    {
        var field = RenderField();

        field.Find("input").Input(typed);

        Assert.Equal(expected, _value);
        Assert.Equal("false", field.Find("input").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void An_empty_field_passes_null_and_the_rules_message_is_shown()
    {
        var field = Render<MoneyField>(p => p
            .Add(f => f.Label, "Ansøgt beløb (kr.)")
            .Add(f => f.Value, 5L)
            .Add(f => f.ErrorText, "„Ansøgt beløb“ skal udfyldes.")
            .Add(f => f.ValueChanged, v => _value = v));

        field.Find("input").Input("");

        Assert.Null(_value);
        Assert.Contains("„Ansøgt beløb“ skal udfyldes.", field.Markup);
    }

    [Fact]
    public void The_value_is_shown_the_Danish_way()
    {
        _value = 2_500_000;

        var field = RenderField();

        Assert.Equal("2.500.000", field.Find("input").GetAttribute("value"));
    }
}

using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using InnovationCases.Resources;

namespace InnovationCases.Features.Delivery;

/// <summary>
/// The input rules of indicators, measurements, milestones and payments: each message belongs to
/// its field (the input's property name), and input with any message stores nothing.
/// </summary>
public static class DeliveryValidation
{
    private static string Kr(long amount) => Money.Format(amount);

    private static string Num(decimal value) => value.ToString("N0", Money.Danish);

    public static Dictionary<string, string> Indicator(IndicatorInput input, InnovationCase c)
    {
        var errors = new Dictionary<string, string>();
        Name(errors, nameof(input.Name), input.Name);
        var unit = Text.Clean(input.Unit);
        if (unit.Length == 0)
        {
            errors[nameof(input.Unit)] = DeliveryText.Val_UnitRequired;
        }
        else if (unit.Length > Limits.UnitMax)
        {
            errors[nameof(input.Unit)] = string.Format(DeliveryText.Val_UnitTooLong, Limits.UnitMax);
        }

        Measure(errors, nameof(input.Baseline), input.Baseline);
        Measure(errors, nameof(input.Target), input.Target);
        if (input.Baseline is { } b && input.Target is { } t && !errors.ContainsKey(nameof(input.Target)))
        {
            if (t == b)
            {
                errors[nameof(input.Target)] = DeliveryText.Val_TargetEqualsBaseline;
            }
            else if (input.Direction == IndicatorDirection.HigherIsBetter && t < b)
            {
                errors[nameof(input.Target)] = DeliveryText.Val_TargetDirectionHigher;
            }
            else if (input.Direction == IndicatorDirection.LowerIsBetter && t > b)
            {
                errors[nameof(input.Target)] = DeliveryText.Val_TargetDirectionLower;
            }
        }

        var last = c.PeriodEnd.AddYears(Limits.TargetYearsAfterPeriod);
        if (input.TargetDate is not { } td || DateOnly.FromDateTime(td) < c.PeriodStart || DateOnly.FromDateTime(td) > last)
        {
            errors[nameof(input.TargetDate)] = string.Format(DeliveryText.Val_TargetDate, DanishTime.FormatDate(c.PeriodStart), DanishTime.FormatDate(last));
        }

        return errors;
    }

    public static Dictionary<string, string> Measurement(MeasurementInput input, DateOnly grantDay, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        PastDate(errors, nameof(input.Date), input.Date, grantDay, today);
        Measure(errors, nameof(input.Value), input.Value);
        Note(errors, nameof(input.Note), input.Note);
        return errors;
    }

    public static Dictionary<string, string> Milestone(MilestoneInput input, InnovationCase c)
    {
        var errors = new Dictionary<string, string>();
        Name(errors, nameof(input.Name), input.Name);
        var last = c.PeriodEnd.AddYears(Limits.MilestoneYearsAfterPeriod);
        if (input.DueDate is not { } d || DateOnly.FromDateTime(d) < c.PeriodStart || DateOnly.FromDateTime(d) > last)
        {
            errors[nameof(input.DueDate)] = string.Format(DeliveryText.Val_DueDate, DanishTime.FormatDate(c.PeriodStart), DanishTime.FormatDate(last));
        }

        if (input.Weight is not (>= 1 and <= Limits.WeightMax))
        {
            errors[nameof(input.Weight)] = string.Format(DeliveryText.Val_Weight, Limits.WeightMax);
        }

        Note(errors, nameof(input.Note), input.Note);
        return errors;
    }

    public static Dictionary<string, string> Payment(PaymentInput input, DateOnly grantDay, DateOnly today, long left)
    {
        var errors = new Dictionary<string, string>();
        PastDate(errors, nameof(input.Date), input.Date, grantDay, today);
        if (input.Amount is not { } a || a <= 0)
        {
            errors[nameof(input.Amount)] = DeliveryText.Val_AmountRequired;
        }
        else if (!Limits.IsAmount(a))
        {
            errors[nameof(input.Amount)] = string.Format(DeliveryText.Val_AmountTooLarge, Kr(Limits.AmountMax));
        }
        else if (a > left)
        {
            errors[nameof(input.Amount)] = string.Format(DeliveryText.Val_AmountAboveLeft, Kr(left));
        }

        Note(errors, nameof(input.Note), input.Note);
        return errors;
    }

    /// <summary>A date of something that has happened: on or after the grant, not after today.</summary>
    public static void PastDate(Dictionary<string, string> errors, string field, DateTime? value, DateOnly grantDay, DateOnly today)
    {
        if (value is not { } v)
        {
            errors[field] = DeliveryText.Val_DateRequired;
            return;
        }

        var date = DateOnly.FromDateTime(v);
        if (date < grantDay)
        {
            errors[field] = string.Format(DeliveryText.Val_DateBeforeGrant, DanishTime.FormatDate(grantDay));
        }
        else if (date > today)
        {
            errors[field] = DeliveryText.Val_DateInFuture;
        }
    }

    private static void Name(Dictionary<string, string> errors, string field, string? value)
    {
        var name = Text.Clean(value);
        if (name.Length == 0)
        {
            errors[field] = DeliveryText.Val_NameRequired;
        }
        else if (name.Length > Limits.NameMax)
        {
            errors[field] = string.Format(DeliveryText.Val_NameTooLong, Limits.NameMax);
        }
    }

    private static void Measure(Dictionary<string, string> errors, string field, decimal? value)
    {
        if (!Limits.IsMeasure(value))
        {
            errors[field] = string.Format(DeliveryText.Val_Number, Num(-Limits.AmountMax), Num(Limits.AmountMax));
        }
    }

    private static void Note(Dictionary<string, string> errors, string field, string? value)
    {
        if (value is { Length: > Limits.TextMax })
        {
            errors[field] = string.Format(DeliveryText.Val_NoteTooLong, Limits.TextMax.ToString("N0", Money.Danish));
        }
    }
}

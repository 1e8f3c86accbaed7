namespace InnovationCases.Domain;

/// <summary>
/// Every length and size limit of the domain, in one place: the validators and the workflow check
/// them, the database columns and the form fields (<c>MaxLength</c>, <c>Max</c>) read them.
/// </summary>
public static class Limits
{
    public const int TitleMax = 200;
    public const int SummaryMax = 2_000;
    public const int DescriptionMax = 20_000;

    /// <summary>Any longer free text: reasons, lessons, notes, comments, narratives.</summary>
    public const int TextMax = 4_000;

    /// <summary>Names and short references (organisation, contact person, council reference).</summary>
    public const int NameMax = 200;

    public const int PhoneMax = 40;

    /// <summary>A story's Markdown body (fortælling).</summary>
    public const int StoryMax = 50_000;

    /// <summary>A user's display name.</summary>
    public const int UserNameMax = 100;

    /// <summary>A department's (magistratsafdeling's) name.</summary>
    public const int DepartmentNameMax = 100;
    public const int ExternalPartnersMax = 20;

    /// <summary>
    /// No amount anywhere (application, move data, effect reports, payments, indicators) may exceed
    /// this (1 mia. kr.): larger figures are typing errors or abuse. Sums of 100,000 such amounts
    /// still fit a <see cref="long"/> many times over, so no aggregate can overflow.
    /// </summary>
    public const long AmountMax = 1_000_000_000;

    /// <summary>An indicator's unit ("kr.", "timer", "%").</summary>
    public const int UnitMax = 40;

    /// <summary>Indicators and milestones per case: enough for any real project, a bound for the case page.</summary>
    public const int IndicatorsMax = 50;
    public const int MilestonesMax = 100;

    /// <summary>A milestone's weight: 1 is the default, larger counts more towards progress.</summary>
    public const int WeightMax = 100;

    /// <summary>Milestones may fall due up to this many years after the project period ends.</summary>
    public const int MilestoneYearsAfterPeriod = 1;

    /// <summary>An indicator's target date may lie up to this many years after the project period.</summary>
    public const int TargetYearsAfterPeriod = 5;

    /// <summary>An indicator's baseline, target or measured value lies within ± <see cref="AmountMax"/>.</summary>
    public static bool IsMeasure(decimal? value) => value is { } v && v >= -AmountMax && v <= AmountMax;

    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>A whole-kroner amount within the domain's range (0 … <see cref="AmountMax"/>).</summary>
    public static bool IsAmount(long? kroner) => kroner is >= 0 and <= AmountMax;
}

using System.Text.Json.Serialization;

namespace InnovationCases.Domain.Workflow;

// The data each move carries, one small record per trigger (DESIGN.md's table), kept together in
// this file because they are one closed family. Fields are nullable because a form may send them
// empty: the workflow's rules say what is missing, next to the field (FieldNames).

/// <summary>What a move carries: its trigger, and a free note for the event log.</summary>
public abstract record MoveData
{
    [JsonIgnore]
    public abstract Trigger Trigger { get; }

    public string? Note { get; init; }

    /// <summary>The reason the event log keeps as its note: a move's reason, else its note.</summary>
    [JsonIgnore]
    public virtual string? LogNote => Note;

    /// <summary>The same data with every text cleaned (<see cref="Text.Clean"/>), as it is stored.</summary>
    public virtual MoveData Cleaned() => this with { Note = Text.CleanOrNull(Note) };

    /// <summary>Empty data of a trigger, for moves that need none (Screen) and for tests.</summary>
    public static MoveData Empty(Trigger trigger) => trigger switch
    {
        Trigger.Screen => new ScreenData(),
        Trigger.SendBack => new SendBackData(null),
        Trigger.Recommend => new RecommendData(null),
        Trigger.Grant => new GrantData(null, null, null),
        Trigger.Complete => new CompleteData(null, null),
        Trigger.Evaluate => new EvaluateData(null, null, null, null),
        Trigger.Stop => new StopData(null, null, null),
        Trigger.Reject => new RejectData(null),
        Trigger.Withdraw => new WithdrawData(null),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    };
}

/// <summary>A move whose reason is shown to the department and kept as the event's note.</summary>
public abstract record ReasonedMove(string? Reason) : MoveData
{
    public override string? LogNote => string.IsNullOrWhiteSpace(Reason) ? Note : Reason;

    public override MoveData Cleaned() => (ReasonedMove)base.Cleaned() with { Reason = Text.CleanOrNull(Reason) };
}

public sealed record ScreenData : MoveData
{
    public override Trigger Trigger => Trigger.Screen;
}

public sealed record SendBackData(string? Reason) : ReasonedMove(Reason)
{
    public override Trigger Trigger => Trigger.SendBack;
}

/// <summary>The director group's recommended amount, whole kroner.</summary>
public sealed record RecommendData(long? Amount) : MoveData
{
    public override Trigger Trigger => Trigger.Recommend;
}

/// <summary>The granted amount and, where the council rule applies, the city council's decision.</summary>
public sealed record GrantData(long? Amount, DateOnly? CouncilDecisionDate, string? CouncilDecisionReference) : MoveData
{
    public override Trigger Trigger => Trigger.Grant;

    public override MoveData Cleaned() => (GrantData)base.Cleaned() with { CouncilDecisionReference = Text.CleanOrNull(CouncilDecisionReference) };
}

/// <summary>What was implemented and what it actually cost.</summary>
public sealed record CompleteData(string? ImplementationNote, long? ActualSpend) : MoveData
{
    public override Trigger Trigger => Trigger.Complete;

    public override MoveData Cleaned() => (CompleteData)base.Cleaned() with { ImplementationNote = Text.CleanOrNull(ImplementationNote) };
}

/// <summary>The final effect report.</summary>
public sealed record EvaluateData(long? RealisedAnnualGain, string? DocumentedEffects, string? LessonsLearned, bool? LivesOn) : MoveData
{
    public override Trigger Trigger => Trigger.Evaluate;

    public override MoveData Cleaned() => (EvaluateData)base.Cleaned() with
    {
        DocumentedEffects = Text.CleanOrNull(DocumentedEffects),
        LessonsLearned = Text.CleanOrNull(LessonsLearned),
    };
}

/// <summary>Ending a granted project deliberately: why, what was learnt, what it cost.</summary>
public sealed record StopData(string? Reason, string? LessonsLearned, long? ActualSpend) : ReasonedMove(Reason)
{
    public override Trigger Trigger => Trigger.Stop;

    public override MoveData Cleaned() => (StopData)base.Cleaned() with { LessonsLearned = Text.CleanOrNull(LessonsLearned) };
}

public sealed record RejectData(string? Reason) : ReasonedMove(Reason)
{
    public override Trigger Trigger => Trigger.Reject;
}

public sealed record WithdrawData(string? Reason) : ReasonedMove(Reason)
{
    public override Trigger Trigger => Trigger.Withdraw;
}

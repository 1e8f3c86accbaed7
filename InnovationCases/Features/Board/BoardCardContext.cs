using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using InnovationCases.Domain.Workflow;
using Microsoft.AspNetCore.Components;

namespace InnovationCases.Features.Board;

/// <summary>
/// What every card on one board shares: the board's clock, whether its user may move anything, the
/// fail-fast thresholds and the board's handlers. Handed to each card as one parameter: every
/// parameter is a render-tree frame per card in its column, and a column of 20 cards with fourteen
/// parameters each kept a buffer of 512 frames (twice) in every open board.
/// </summary>
public sealed class BoardCardContext
{
    /// <summary>The board's "now" for days in stage; the board moves it on when it re-renders.</summary>
    public DateTime Now { get; set; }

    public bool ReadOnly { get; init; }

    /// <summary>The fail-fast thresholds (configuration section <c>Effects</c>).</summary>
    public DeliveryOptions DeliverySettings { get; init; } = new();

    /// <summary>The moves the board's user may make on a card (the board computes them once per card version).</summary>
    public Func<BoardItem, IReadOnlyList<MoveCheck>> MovesFor { get; init; } = _ => [];

    /// <summary>Days a card may stay in a stage before it is overdue; null: no limit.</summary>
    public Func<Stage, int?> LimitDaysFor { get; init; } = _ => null;

    /// <summary>The title or the card pressed: the board opens its side panel.</summary>
    public EventCallback<BoardItem> OnOpen { get; init; }

    /// <summary>"Flyt til…" pressed: the board opens its move menu at this card.</summary>
    public EventCallback<BoardItem> OnMenu { get; init; }

    public EventCallback<BoardItem> OnDragStart { get; init; }

    /// <summary>The moved card took the focus the board asked it to.</summary>
    public EventCallback OnFocused { get; init; }
}

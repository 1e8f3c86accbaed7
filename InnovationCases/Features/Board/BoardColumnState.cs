using InnovationCases.Domain;

namespace InnovationCases.Features.Board;

/// <summary>One column as the board holds it: the true totals and the cards loaded so far, in column order.</summary>
public sealed class BoardColumnState(Stage stage)
{
    public Stage Stage { get; } = stage;
    public List<BoardItem> Cards { get; } = [];
    public int Count { get; internal set; }
    public long Sum { get; internal set; }

    /// <summary>More matching cases exist than the board has loaded ("Vis flere").</summary>
    public bool HasMore => Count > Cards.Count;

    public int Remaining => Math.Max(0, Count - Cards.Count);

    /// <summary>
    /// Goes up whenever the column's cards, totals or the moves of its cards change: its component
    /// re-renders only then, so a live move re-renders the two columns it touched, not all nine.
    /// </summary>
    public int Revision { get; private set; }

    internal void Changed() => Revision++;
}

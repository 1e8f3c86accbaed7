using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Features.Board;

/// <summary>
/// What one open board holds: the columns with their true totals and loaded cards, and each card's
/// permitted moves for this board's user. Live updates are applied here without a database read:
/// the totals are adjusted by the change, a card is shown where it now belongs if it falls within
/// what the column has loaded. Used on the circuit's thread only.
/// </summary>
public sealed class BoardState
{
    private readonly Dictionary<Stage, BoardColumnState> _columns;
    private readonly Dictionary<string, (int Version, IReadOnlyList<MoveCheck> Moves)> _moves = [];
    private readonly Func<DateTime> _now;

    public BoardState(Actor actor, BoardFilter filter, BoardSnapshot snapshot, Func<DateTime> now)
    {
        Actor = actor;
        Filter = filter;
        _now = now;
        _columns = BoardService.Columns.ToDictionary(s => s, s => new BoardColumnState(s));
        foreach (var (stage, total) in snapshot.Totals)
        {
            _columns[stage].Count = total.Count;
            _columns[stage].Sum = total.Sum;
        }

        foreach (var (stage, cards) in snapshot.Cards)
        {
            _columns[stage].Cards.AddRange(cards);
        }

    }

    public Actor Actor { get; }
    public BoardFilter Filter { get; }

    public BoardColumnState Column(Stage stage) => _columns[stage];

    /// <summary>Every loaded card, for the drop container.</summary>
    public IEnumerable<BoardItem> Items => _columns.Values.SelectMany(c => c.Cards);

    public int ClosedCount => StageExtensions.Closed.Sum(s => _columns[s].Count);

    /// <summary>The moves this board's user may make on the card, from the workflow, computed once per card version.</summary>
    public IReadOnlyList<MoveCheck> MovesFor(BoardItem item)
    {
        if (_moves.TryGetValue(item.CaseNumber, out var cached) && cached.Version == item.Version)
        {
            return cached.Moves;
        }

        var moves = BoardMoves.Permitted(item, Actor, _now());
        _moves[item.CaseNumber] = (item.Version, moves);
        return moves;
    }

    /// <summary>What the workflow says of dropping the card on <paramref name="target"/>.</summary>
    public DropCheck Drop(BoardItem item, Stage target) =>
        BoardMoves.Drop(item, target, Actor, _now());

    /// <summary>The stages the card may be dropped on.</summary>
    public IReadOnlySet<Stage> TargetsFor(BoardItem item) => MovesFor(item).Select(m => m.Target!.Value).ToHashSet();

    /// <summary>Adds a further page to a column, skipping cards that arrived live meanwhile.</summary>
    public void AddPage(Stage stage, ColumnPage page)
    {
        var column = _columns[stage];
        var known = column.Cards.Select(c => c.CaseNumber).ToHashSet();
        column.Cards.AddRange(page.Items.Where(i => known.Add(i.CaseNumber)));
        column.Cards.Sort(BoardItem.CompareForColumn);
        column.Changed();
    }

    /// <summary>Applies a committed change; true when the board changed.</summary>
    public bool Apply(BoardUpdate update)
    {
        var change = update.Change;
        var item = update.Item;
        var changed = false;
        var held = Items.FirstOrDefault(i => i.CaseNumber == change.CaseNumber);
        if (held is not null && item is not null && item.Version < held.Version)
        {
            return changed; // a read that started before a later change finished after it
        }

        var shown = item is not null && item.IsVisibleTo(Actor) && Filter.Matches(item);
        if (held is not null)
        {
            var column = _columns[held.Stage];
            column.Cards.Remove(held);
            column.Count--;
            column.Sum -= held.Amount;
            column.Changed();
            changed = true;
        }
        else if (shown && change.Kind == CaseEventKind.Moved && change.FromStage is { } from && from != item!.Stage)
        {
            // Counted in its old column but beyond the loaded page: a move changes no filtered field.
            _columns[from].Count--;
            _columns[from].Sum -= item.AmountAt(from);
            _columns[from].Changed();
            changed = true;
        }

        if (!shown)
        {
            return changed;
        }

        var target = _columns[item!.Stage];
        var countedAlready = held is null && change.Kind is not (CaseEventKind.Moved or CaseEventKind.Created);
        if (countedAlready)
        {
            // An edit to a card beyond the loaded page: it is in the totals already.
            return changed;
        }

        var loadedAll = target.Cards.Count >= target.Count;
        target.Changed();
        target.Count++;
        target.Sum += item.Amount;
        if (loadedAll || (target.Cards.Count > 0 && BoardItem.CompareForColumn(item, target.Cards[^1]) < 0))
        {
            var index = target.Cards.FindIndex(c => BoardItem.CompareForColumn(item, c) < 0);
            target.Cards.Insert(index < 0 ? target.Cards.Count : index, item);
        }

        return true;
    }

}

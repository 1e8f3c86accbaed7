using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace InnovationCases.Features.Board;

/// <summary>
/// The board: loads the user's visible, filtered cases per column, applies live updates from
/// <see cref="BoardFeed"/>, and turns drops and menu choices into moves through the workflow.
/// </summary>
public partial class BoardPage : IAsyncDisposable
{
    [SupplyParameterFromQuery(Name = "pool")]
    public string? PoolQuery { get; set; }

    [SupplyParameterFromQuery(Name = "year")]
    public int? YearQuery { get; set; }

    [SupplyParameterFromQuery(Name = "theme")]
    public string? ThemeQuery { get; set; }

    [SupplyParameterFromQuery(Name = "dept")]
    public int? DepartmentQuery { get; set; }

    [SupplyParameterFromQuery(Name = "runde")]
    public int? RoundQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? TextQuery { get; set; }

    private Actor? _actor;
    private BoardFilter? _filter;
    private BoardSnapshot? _snapshot;
    private BoardState? _state;
    private ElementReference _board;
    private IJSObjectReference? _edgeScroll;
    private IDisposable? _subscription;
    private BoardCardContext? _cards;
    private BoardItem? _dragging;
    private IReadOnlySet<Stage> _draggingTargets = new HashSet<Stage>();
    private bool _busy;
    private (string CaseNumber, Stage Stage)? _focusAfterMove;
    private bool _closedOpen;
    private bool _closedLoaded;
    private bool _panelOpen;
    private CaseDetails? _details;
    private bool _detailsMissing;
    private BoardItem? _menu;
    private bool _fromPrerender;
    private bool _fill;
    private string? _message;
    private Severity _messageSeverity = Severity.Error;

    /// <summary>
    /// The board as the prerender loaded it, carried into the interactive render so that opening
    /// the board reads it once, not twice.
    /// </summary>
    [PersistentState]
    public BoardSnapshot? Prerendered { get; set; }

    // Closed cards are read and rendered only once their panel is opened: a card costs every open
    // board memory and work per live change nobody sees, and the first read three queries.
    private async Task ToggleClosedAsync()
    {
        _closedOpen = !_closedOpen;
        if (!_closedOpen || _closedLoaded || _state is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            foreach (var stage in StageExtensions.Closed)
            {
                var column = _state.Column(stage);
                if (column.Cards.Count == 0 && column.Count > 0)
                {
                    _state.AddPage(stage, await Boards.LoadMoreAsync(_actor!, _filter!, stage, after: null, Settings.Value.FirstPage));
                }
            }

            _closedLoaded = true;
            _fill = true;
        }
        finally
        {
            _busy = false;
        }
    }

    private bool ReadOnly => _actor is null || _actor.IsReadOnly();

    protected override async Task OnParametersSetAsync()
    {
        _actor ??= await Current.RequireAsync();
        var filter = new BoardFilter(
            Enum.TryParse<PoolKind>(PoolQuery, out var pool) ? pool : null,
            YearQuery,
            Enum.TryParse<Theme>(ThemeQuery, out var theme) ? theme : null,
            DepartmentQuery,
            string.IsNullOrWhiteSpace(TextQuery) ? null : TextQuery.Trim(),
            RoundQuery);
        if (filter != _filter || _state is null)
        {
            var first = _filter is null;
            _filter = filter;
            if (first && RendererInfo.IsInteractive && Prerendered is { } snapshot)
            {
                _fromPrerender = true;
                Use(snapshot);
            }
            else
            {
                await LoadAsync();
            }

            // Only the prerender hands its board on; a later filter change is never persisted.
            Prerendered = RendererInfo.IsInteractive ? null : _snapshot;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Subscribe only once interactive: a prerendered page never receives updates.
        if (firstRender)
        {
            _subscription = Feed.Subscribe(update => InvokeAsync(() => OnUpdate(update)));

            // A change committed between the prerender's read and this subscription was not heard:
            // then read the board again (one look at the newest event id decides).
            if (_fromPrerender && await Boards.LatestEventIdAsync() != _snapshot!.LatestEventId)
            {
                await LoadAsync();
                StateHasChanged();
            }
        }

        // The board element exists from the first render that has a state; attach once. Edge
        // scrolling only helps a drag, so a script that fails to load must not end the circuit.
        if (_edgeScroll is null && _state is not null)
        {
            try
            {
                // "./" makes Blazor resolve the module against the app's base address.
                _edgeScroll = await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["js/board-edge-scroll.js"]);
                if (_edgeScroll is not null)
                {
                    _fill = false;
                    await FillAsync(await _edgeScroll.InvokeAsync<string[]?>("attach", _board));
                }
            }
            catch (JSException)
            {
                _edgeScroll = null;
            }
        }
        else if (_fill && _edgeScroll is not null)
        {
            _fill = false;
            try
            {
                await FillAsync(await _edgeScroll.InvokeAsync<string[]?>("room", _board));
            }
            catch (JSException)
            {
                // Without the answer the columns keep their first page: scrolling or "Vis flere" loads more.
            }
        }
    }

    // A column opens with about the cards a window shows (BoardOptions.FirstPageSize). Where a taller
    // window shows its list's end, the list cannot be scrolled to ask for more: the script names those
    // columns and they get their next page at once, after the board is interactive.
    private async Task FillAsync(IReadOnlyList<string>? stages)
    {
        var filled = false;
        foreach (var name in stages ?? [])
        {
            if (Enum.TryParse<Stage>(name, out var stage) && _state?.Column(stage).HasMore == true)
            {
                await LoadMoreAsync(stage);
                filled = true;
            }
        }

        if (filled)
        {
            StateHasChanged();
        }
    }

    private async Task LoadAsync()
    {
        Use(await Boards.LoadAsync(_actor!, _filter!, Settings.Value.FirstPage, closedCards: _closedOpen));
    }

    private void Use(BoardSnapshot snapshot)
    {
        _cards ??= new BoardCardContext
        {
            ReadOnly = ReadOnly,
            DeliverySettings = DeliverySettings.Value,
            MovesFor = item => _state!.MovesFor(item),
            LimitDaysFor = Settings.Value.LimitDaysFor,
            OnOpen = EventCallback.Factory.Create<BoardItem>(this, OpenPanelAsync),
            OnMenu = EventCallback.Factory.Create<BoardItem>(this, OpenMenu),
            OnDragStart = EventCallback.Factory.Create<BoardItem>(this, OnDragStart),
            OnFocused = EventCallback.Factory.Create(this, () => _focusAfterMove = null),
        };
        _cards.Now = Clock.GetUtcNow().UtcDateTime;
        _closedLoaded = _closedOpen;
        _snapshot = snapshot;
        _state = new BoardState(_actor!, _filter!, snapshot, () => Clock.GetUtcNow().UtcDateTime);
        _menu = null;
        _fill = true;
    }

    private void OnUpdate(BoardUpdate update)
    {
        if (_state?.Apply(update) == true)
        {
            _cards!.Now = Clock.GetUtcNow().UtcDateTime;
            StateHasChanged();
        }
    }

    private void ApplyFilter(BoardFilter filter) =>
        Nav.NavigateTo(Nav.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["pool"] = filter.Pool?.ToString(),
            ["year"] = filter.Year,
            ["theme"] = filter.Theme?.ToString(),
            ["dept"] = filter.DepartmentId,
            ["q"] = filter.TrimmedText,
            ["runde"] = filter.RoundId,
        }));

    private string? HighlightFor(Stage stage) =>
        _dragging is null || _dragging.Stage == stage ? null
        : _draggingTargets.Contains(stage) ? "allowed" : "blocked";

    // What a column's cards read from the board besides the column itself (see BoardColumn.Marks).
    private (string? Menu, string? Focus, long Hour) MarksFor(Stage stage) => (
        _menu is { } menu && menu.Stage == stage ? menu.CaseNumber : null,
        _focusAfterMove is { } focus && focus.Stage == stage ? focus.CaseNumber : null,
        _cards!.Now.Ticks / TimeSpan.TicksPerHour);

    private void OnDragStart(BoardItem item)
    {
        _menu = null;
        _dragging = item;
        _draggingTargets = _state?.TargetsFor(item) ?? new HashSet<Stage>();
    }

    private void EndDrag() => _dragging = null;

    private async Task OnDropAsync(Stage target)
    {
        var item = _dragging;
        _dragging = null;
        if (item is null || target == item.Stage)
        {
            return;
        }

        await MoveAsync((item, target));
    }

    private void OpenMenu(BoardItem item) => _menu = _menu?.CaseNumber == item.CaseNumber ? null : item;

    private void CloseMenu() => _menu = null;

    private async Task ChooseAsync(Stage target)
    {
        if (_menu is { } item)
        {
            _menu = null;
            await MoveAsync((item, target));
        }
    }

    private async Task LoadMoreAsync(Stage stage)
    {
        if (_state is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var column = _state.Column(stage);
            var page = await Boards.LoadMoreAsync(_actor!, _filter!, stage, column.Cards.LastOrDefault(), Settings.Value.PageSize);
            _state.AddPage(stage, page);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>
    /// A drop or a menu choice, answered by the workflow from what the board holds: a permitted move
    /// runs through the runner (with its dialog); a refused one says why without touching the database.
    /// </summary>
    private async Task MoveAsync((BoardItem Item, Stage Target) move)
    {
        if (_busy || _state is null || ReadOnly)
        {
            return;
        }

        _busy = true;
        try
        {
            _message = null;
            var (item, target) = move;
            var drop = _state.Drop(item, target);
            MoveResult? result = drop.Allowed
                ? await Runner.RunAsync(Request(item, drop.Move!.Trigger), report: false)
                : new MoveResult.Refused(drop.Reasons, new Dictionary<string, string>());
            await ShowAsync(result);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ShowAsync(MoveResult? result)
    {
        switch (result)
        {
            case null:
                return; // cancelled: the card stays where it was
            case MoveResult.Moved moved:
                Runner.Report(result);
                _focusAfterMove = (moved.CaseNumber, moved.To); // keyboard users keep their place
                break;
            case MoveResult.Refused refused:
                Show(string.Format(MoveText.Refused, string.Join(" ", refused.Reasons)), Severity.Error);
                break;
            case MoveResult.Conflict conflict:
                Show(string.Format(MoveText.Conflict, conflict.Message), Severity.Warning);
                await LoadAsync();
                break;
            case MoveResult.NotFound notFound:
                Show(string.Format(MoveText.NotFound, notFound.Message), Severity.Error);
                await LoadAsync();
                break;
        }
    }

    private void Show(string message, Severity severity)
    {
        _message = message;
        _messageSeverity = severity;
    }

    private static MoveRequest Request(BoardItem item, Trigger trigger) =>
        new(item.CaseNumber, item.Title, trigger, item.Version, item.PoolKind, item.IsMultiYear, item.RequestedAmount, item.RecommendedAmount, item.GrantedAmount);

    private async Task OpenPanelAsync(BoardItem item)
    {
        _details = await Boards.LoadDetailsAsync(item.CaseNumber, _actor!);
        _detailsMissing = _details is null;
        _panelOpen = true;
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_edgeScroll is not null)
        {
            try
            {
                await _edgeScroll.InvokeVoidAsync("detach", _board);
                await _edgeScroll.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone and the page's listeners with it.
            }
        }
    }
}

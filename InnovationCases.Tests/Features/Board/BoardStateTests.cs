using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Features.Live;

namespace InnovationCases.Tests.Features.Board;

public sealed class BoardStateTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Caseworker = new("cw", "Sara Lund", Role.Caseworker, 1);
    private static readonly Actor MbuStaff = new("mbu", "Jonas Kjær", Role.DepartmentStaff, 2);

    [Fact]
    public void A_move_of_a_loaded_card_moves_the_card_and_its_amount_between_the_column_totals()
    {
        var card = Item(1, Stage.Submitted, requested: 300_000);
        var state = State(Caseworker, [card]);

        var changed = state.Apply(Moved(card with { Stage = Stage.Screened, Version = 2 }, Stage.Submitted));

        Assert.True(changed);
        Assert.Empty(state.Column(Stage.Submitted).Cards);
        Assert.Equal((0, 0L), (state.Column(Stage.Submitted).Count, state.Column(Stage.Submitted).Sum));
        Assert.Equal("INNO-2026-0001", Assert.Single(state.Column(Stage.Screened).Cards).CaseNumber);
        Assert.Equal((1, 300_000L), (state.Column(Stage.Screened).Count, state.Column(Stage.Screened).Sum));
    }

    [Fact]
    public void A_move_of_a_card_beyond_the_loaded_page_adjusts_the_totals_and_shows_it_on_top_of_its_new_column()
    {
        var shown = Item(1, Stage.Submitted, requested: 100_000, changedDaysAgo: 1);
        var state = State(Caseworker, [shown], extra: new() { [Stage.Submitted] = new ColumnTotal(40, 9_000_000) });
        var hidden = Item(2, Stage.Screened, requested: 250_000, changedDaysAgo: 0);

        state.Apply(Moved(hidden, Stage.Submitted));

        Assert.Equal((39, 8_750_000L), (state.Column(Stage.Submitted).Count, state.Column(Stage.Submitted).Sum));
        Assert.Equal((1, 250_000L), (state.Column(Stage.Screened).Count, state.Column(Stage.Screened).Sum));
        Assert.Equal("INNO-2026-0002", state.Column(Stage.Screened).Cards[0].CaseNumber);
    }

    [Fact]
    public void A_grant_takes_the_requested_amount_out_of_recommended_and_adds_the_granted_amount_to_granted()
    {
        var card = Item(1, Stage.Recommended, requested: 900_000);
        var state = State(Caseworker, [card]);

        state.Apply(Moved(card with { Stage = Stage.Granted, GrantedAmount = 600_000, Version = 2 }, Stage.Recommended));

        Assert.Equal(0L, state.Column(Stage.Recommended).Sum);
        Assert.Equal(600_000L, state.Column(Stage.Granted).Sum);
    }

    [Fact]
    public void A_change_to_a_case_the_user_may_not_see_leaves_the_board_unchanged()
    {
        var mine = Item(1, Stage.Submitted, leadDepartment: 2);
        var state = State(MbuStaff, [mine]);
        var other = Item(2, Stage.Screened, leadDepartment: 3);

        var changed = state.Apply(Moved(other, Stage.Submitted));

        Assert.False(changed);
        Assert.Equal(0, state.Column(Stage.Screened).Count);
        Assert.Equal(1, state.Column(Stage.Submitted).Count);
    }

    [Fact]
    public void A_partner_department_sees_the_change_live()
    {
        var state = State(MbuStaff, []);
        var partnered = Item(3, Stage.Submitted, leadDepartment: 3, partners: [2]);

        var changed = state.Apply(new BoardUpdate(Change(partnered, CaseEventKind.Created, null), partnered));

        Assert.True(changed);
        Assert.Single(state.Column(Stage.Submitted).Cards);
    }

    [Fact]
    public void A_card_edited_out_of_the_filter_leaves_the_board()
    {
        var card = Item(1, Stage.Submitted, title: "Robotstøvsuger");
        var state = State(Caseworker, [card], filter: new BoardFilter(Text: "robot"));

        state.Apply(new BoardUpdate(Change(card, CaseEventKind.Edited, null), card with { Title = "Støvsuger", Version = 2 }));

        Assert.Empty(state.Column(Stage.Submitted).Cards);
        Assert.Equal(0, state.Column(Stage.Submitted).Count);
    }

    [Fact]
    public void An_update_older_than_the_card_the_board_holds_is_ignored()
    {
        var card = Item(1, Stage.Screened) with { Version = 3 };
        var state = State(Caseworker, [card]);

        var changed = state.Apply(Moved(card with { Stage = Stage.Submitted, Version = 2 }, Stage.Submitted));

        Assert.False(changed);
        Assert.Single(state.Column(Stage.Screened).Cards);
    }

    [Fact]
    public void Permitted_moves_come_from_the_workflow_for_the_boards_user()
    {
        var card = Item(1, Stage.Submitted);
        Assert.Equal([Stage.Screened, Stage.Rejected, Stage.Withdrawn], State(Caseworker, [card]).MovesFor(card).Select(m => m.Target!.Value).ToArray());
        Assert.Empty(State(Caseworker with { Role = Role.Manager }, [card]).MovesFor(card));
        Assert.Equal([Stage.Withdrawn], State(MbuStaff, [card with { LeadDepartmentId = 2 }]).MovesFor(card with { LeadDepartmentId = 2 }).Select(m => m.Target!.Value).ToArray());
    }

    private static BoardState State(Actor actor, IReadOnlyList<BoardItem> cards, Dictionary<Stage, ColumnTotal>? extra = null, BoardFilter? filter = null)
    {
        var totals = BoardService.Columns.ToDictionary(
            s => s,
            s => extra?.GetValueOrDefault(s) ?? new ColumnTotal(cards.Count(c => c.Stage == s), cards.Where(c => c.Stage == s).Sum(c => c.Amount)));
        var byStage = BoardService.Columns.ToDictionary(s => s, s => (IReadOnlyList<BoardItem>)cards.Where(c => c.Stage == s).ToList());
        return new BoardState(actor, filter ?? BoardFilter.None, new BoardSnapshot(totals, byStage, [], []), () => Now);
    }

    private static BoardUpdate Moved(BoardItem item, Stage from) => new(Change(item, CaseEventKind.Moved, from), item);

    private static CaseChange Change(BoardItem item, CaseEventKind kind, Stage? from) =>
        new(item.Id, item.CaseNumber, kind, from, item.Stage, item.Version, "Sara Lund", Now, item.Parties);

    private static BoardItem Item(int id, Stage stage, long requested = 500_000, int leadDepartment = 1, int[]? partners = null, int changedDaysAgo = 2, string title = "Projekt") => new()
    {
        Id = id,
        CaseNumber = $"INNO-2026-{id:0000}",
        Version = 1,
        Title = title,
        Stage = stage,
        StageChangedAt = Now.AddDays(-changedDaysAgo),
        PoolId = 1,
        PoolKind = PoolKind.CrossCutting,
        BudgetYear = 2026,
        Theme = Theme.Digitalisation,
        LeadDepartmentId = leadDepartment,
        LeadDepartmentName = "Afdeling " + leadDepartment,
        PartnerDepartmentIds = partners ?? [],
        RequestedAmount = requested,
        PeriodStart = new DateOnly(2026, 3, 1),
        PeriodEnd = new DateOnly(2026, 11, 30),
        RiskLevel = RiskLevel.Medium,
        HasQualifyingAssessment = false,
        ExpectedAnnualGain = 100_000,
        FilledTexts = BusinessCaseTexts.GainDescription | BusinessCaseTexts.Risks | BusinessCaseTexts.Viability | BusinessCaseTexts.EffectPlan,
    };
}

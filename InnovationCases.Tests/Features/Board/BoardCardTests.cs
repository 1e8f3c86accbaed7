using Bunit;
using InnovationCases.Domain;
using InnovationCases.Features.Board;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace InnovationCases.Tests.Features.Board;

public sealed class BoardCardTests : BunitTestContext
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Card_shows_number_title_department_theme_amount_and_days_in_stage()
    {
        var card = Render(Item() with { StageChangedAt = Now.AddDays(-3) });

        var text = card.Find("[data-case-number='INNO-2026-0042']").TextContent;
        Assert.Contains("INNO-2026-0042", text);
        Assert.Contains("Sensorer i hjemmeplejen", text);
        Assert.Contains("Sundhed og Omsorg", text);
        Assert.Contains("Velfærdsteknologi", text);
        Assert.Contains("750.000 kr.", text);
        Assert.Contains("ansøgt", text);
        Assert.Contains("3 dage i fasen", text);
        Assert.Empty(card.FindAll("[data-badge]"));
    }

    [Fact]
    public void A_granted_card_shows_the_granted_amount()
    {
        var card = Render(Item() with { Stage = Stage.Granted, RecommendedAmount = 700_000, GrantedAmount = 650_000 });

        Assert.Contains("650.000 kr.", card.Markup);
        Assert.Contains("bevilget", card.Find(".board-card__amount").TextContent);
    }

    [Fact]
    public void A_granted_card_no_longer_asks_for_the_council_decision_it_has()
    {
        var card = Render(Item() with { Stage = Stage.Granted, RequestedAmount = 2_500_000, RecommendedAmount = 2_500_000, GrantedAmount = 2_500_000 });

        Assert.Empty(card.FindAll("[data-badge='council']"));
    }

    [Theory]
    [InlineData(PoolKind.CrossCutting, 2_500_000L, false, true)]
    [InlineData(PoolKind.CrossCutting, 900_000L, true, true)]
    [InlineData(PoolKind.CrossCutting, 2_000_000L, false, false)]
    [InlineData(PoolKind.LocalFunds, 2_500_000L, true, false)]
    public void Council_badge_shows_for_cross_cutting_cases_over_two_million_or_multi_year(PoolKind pool, long requested, bool multiYear, bool badge)
    {
        var card = Render(Item() with { PoolKind = pool, RequestedAmount = requested, PeriodEnd = multiYear ? new DateOnly(2027, 6, 30) : new DateOnly(2026, 11, 30) });

        Assert.Equal(badge, card.FindAll("[data-badge='council']").Count == 1);
        if (badge)
        {
            Assert.Equal("Kræver byrådsgodkendelse", card.Find("[data-badge='council']").TextContent);
        }
    }

    [Fact]
    public void High_risk_and_overdue_cards_carry_badges()
    {
        var card = Render(Item() with { RiskLevel = RiskLevel.High, StageChangedAt = Now.AddDays(-15) }, limitDays: 14);

        Assert.Equal("Høj risiko", card.Find("[data-badge='risk']").TextContent);
        Assert.Contains("Over tid", card.Find("[data-badge='overdue']").TextContent);
    }

    [Fact]
    public void A_card_within_its_stage_limit_is_not_overdue()
    {
        var card = Render(Item() with { StageChangedAt = Now.AddDays(-14) }, limitDays: 14);

        Assert.Empty(card.FindAll("[data-badge='overdue']"));
    }

    [Fact]
    public void A_movable_card_is_one_component_with_a_native_drag_and_a_plain_move_button()
    {
        var moves = new[] { new InnovationCases.Domain.Workflow.MoveCheck(Trigger.Screen, Stage.Screened, true, [], new Dictionary<string, string>()) };
        var opened = new List<string>();
        var board = new BoardCardContext { Now = Now, OnMenu = EventCallback.Factory.Create<BoardItem>(this, i => opened.Add(i.CaseNumber)) };
        var card = Render<BoardCard>(p => p.Add(c => c.Item, Item()).Add(c => c.Board, board).Add(c => c.Moves, moves));

        // B4: each component per card costs every open board memory; a card before the grant has none below it.
        Assert.Empty(card.FindComponents<Microsoft.AspNetCore.Components.ComponentBase>());
        Assert.Equal("true", card.Find("[data-case-number]").GetAttribute("draggable"));
        var button = card.Find("button[data-move-menu='INNO-2026-0042']");
        Assert.Equal("Flyt til…", button.TextContent);
        Assert.Equal("menu", button.GetAttribute("aria-haspopup"));
        button.Click();
        Assert.Equal(["INNO-2026-0042"], opened);
    }

    [Fact]
    public void A_card_without_moves_is_not_draggable_and_has_no_move_button()
    {
        var card = Render(Item());

        Assert.Equal("false", card.Find("[data-case-number]").GetAttribute("draggable"));
        Assert.Empty(card.FindAll("[data-move-menu]"));
    }

    private IRenderedComponent<BoardCard> Render(BoardItem item, int? limitDays = null) =>
        Render<BoardCard>(p => p.Add(c => c.Item, item).Add(c => c.Board, new BoardCardContext { Now = Now }).Add(c => c.LimitDays, limitDays));

    private static BoardItem Item() => new()
    {
        Id = 42,
        CaseNumber = "INNO-2026-0042",
        Version = 1,
        Title = "Sensorer i hjemmeplejen",
        Stage = Stage.Submitted,
        StageChangedAt = Now,
        PoolId = 1,
        PoolKind = PoolKind.CrossCutting,
        BudgetYear = 2026,
        Theme = Theme.WelfareTechnology,
        LeadDepartmentId = 4,
        LeadDepartmentName = "Sundhed og Omsorg",
        PartnerDepartmentIds = [],
        RequestedAmount = 750_000,
        PeriodStart = new DateOnly(2026, 3, 1),
        PeriodEnd = new DateOnly(2026, 11, 30),
        RiskLevel = RiskLevel.Medium,
        HasQualifyingAssessment = false,
        ExpectedAnnualGain = 100_000,
        FilledTexts = BusinessCaseTexts.GainDescription | BusinessCaseTexts.Risks | BusinessCaseTexts.Viability | BusinessCaseTexts.EffectPlan,
    };

    [Fact]
    public void A_granted_card_shows_milestone_progress_as_a_bar_with_the_percent_in_text()
    {
        var card = Render(Item() with { Stage = Stage.Granted, GrantedAmount = 600_000, GrantedAt = Now.AddDays(-20), MilestoneWeight = 4, MilestoneWeightDone = 1, LastMeasurement = DateOnly.FromDateTime(Now) });

        Assert.Equal("25", card.Find("[data-case-number='INNO-2026-0042']").GetAttribute("data-progress"));
        Assert.Contains("Fremdrift 25 %", card.Find(".card-delivery").TextContent);
        Assert.Equal("25", card.Find("[role='progressbar']").GetAttribute("aria-valuenow"));
        Assert.Null(card.Find("[data-case-number='INNO-2026-0042']").GetAttribute("data-flag"));
    }

    [Fact]
    public void A_granted_card_with_a_long_overdue_milestone_is_marked_and_flagged_consider_stop()
    {
        var card = Render(Item() with
        {
            Stage = Stage.Granted, GrantedAmount = 600_000, GrantedAt = Now.AddDays(-200), MilestoneWeight = 2, MilestoneWeightDone = 1,
            OldestOpenDue = DateOnly.FromDateTime(Now).AddDays(-61), LastMeasurement = DateOnly.FromDateTime(Now).AddDays(-5),
        });

        Assert.Equal("consider-stop", card.Find("[data-case-number='INNO-2026-0042']").GetAttribute("data-flag"));
        Assert.Equal("Delmål forsinket", card.Find("[data-badge='milestone-overdue']").TextContent);
        Assert.Contains("61 dage", card.Find("[data-badge='consider-stop']").GetAttribute("title"));
    }

    [Fact]
    public void A_card_before_the_grant_shows_no_progress()
    {
        var card = Render(Item());

        Assert.Null(card.Find("[data-case-number='INNO-2026-0042']").GetAttribute("data-progress"));
        Assert.Empty(card.FindAll(".card-delivery"));
    }
}

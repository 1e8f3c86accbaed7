using InnovationCases.Domain;
using InnovationCases.Features.Adoptions;
using InnovationCases.Features.Cases;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Features.Adoptions;

public sealed class AdoptionServiceTests(CasesAppFixture fixture) : IClassFixture<CasesAppFixture>
{
    private TestApp App => fixture.App;
    private AdoptionService Adoptions => App.AppServices.GetRequiredService<AdoptionService>();

    private async Task<int> DepartmentAsync(string code)
    {
        await using var db = await App.DbAsync();
        return await db.Departments.Where(d => d.Code == code).Select(d => d.Id).SingleAsync();
    }

    private async Task<int> CountAsync(InnovationCase c, CaseEventKind? kind = null)
    {
        await using var db = await App.DbAsync();
        return kind is { } k
            ? await db.CaseEvents.CountAsync(e => e.CaseId == c.Id && e.Kind == k)
            : await db.Adoptions.CountAsync(a => a.CaseId == c.Id);
    }

    private static AdoptionInput Input(int department, DateTime? on = null) =>
        new() { DepartmentId = department, AdoptedOn = on ?? DateTime.UtcNow.Date.AddDays(-3), ExpectedAnnualGain = 120_000, Note = "Taget i brug." };

    [Fact]
    public async Task Staff_adopt_another_departments_evaluated_solution_for_their_own_department_with_an_event()
    {
        // MBU is not a party to the case: it reaches the solution through the knowledge bank.
        var c = await Arrange.CaseAsync(App, Stage.Evaluated, leadCode: "MSO");
        var mbu = await App.ActorAsync(DemoUsers.Mbu);

        var result = await Adoptions.AddAsync(c.CaseNumber, Input(await DepartmentAsync("MBU")), mbu);

        Assert.IsType<CaseCommandResult.Done>(result);
        Assert.Equal(1, await CountAsync(c));
        Assert.Equal(1, await CountAsync(c, CaseEventKind.Adopted));
        var view = await Adoptions.GetAsync(c.CaseNumber, mbu);
        Assert.Equal(120_000, view!.ExpectedGain);
    }

    [Fact]
    public async Task Staff_may_not_record_an_adoption_for_another_department()
    {
        var c = await Arrange.CaseAsync(App, Stage.Evaluated, leadCode: "MSO");

        var result = await Adoptions.AddAsync(c.CaseNumber, Input(await DepartmentAsync("MTM")), await App.ActorAsync(DemoUsers.Mbu));

        Assert.IsType<CaseCommandResult.Refused>(result);
        Assert.Equal(0, await CountAsync(c));
    }

    [Fact]
    public async Task An_adoption_by_the_cases_own_lead_department_gets_a_danish_message_and_nothing_is_stored()
    {
        var c = await Arrange.CaseAsync(App, Stage.Evaluated, leadCode: "MBU");

        var result = await Adoptions.AddAsync(c.CaseNumber, Input(await DepartmentAsync("MBU")), await App.ActorAsync(DemoUsers.Caseworker));

        var invalid = Assert.IsType<CaseCommandResult.Invalid>(result);
        Assert.StartsWith("Den ansvarlige afdeling", invalid.FieldErrors[nameof(AdoptionInput.DepartmentId)]);
        Assert.Equal(0, await CountAsync(c));
        Assert.Equal(0, await CountAsync(c, CaseEventKind.Adopted));
    }

    [Fact]
    public async Task An_adoption_dated_in_the_future_gets_a_danish_message_and_nothing_is_stored()
    {
        var c = await Arrange.CaseAsync(App, Stage.Evaluated, leadCode: "MBU");

        var result = await Adoptions.AddAsync(c.CaseNumber, Input(await DepartmentAsync("MSO"), DateTime.UtcNow.Date.AddDays(3)), await App.ActorAsync(DemoUsers.Caseworker));

        var invalid = Assert.IsType<CaseCommandResult.Invalid>(result);
        Assert.Equal("Datoen må ikke ligge i fremtiden.", invalid.FieldErrors[nameof(AdoptionInput.AdoptedOn)]);
        Assert.Equal(0, await CountAsync(c));
    }

    [Fact]
    public async Task A_solution_not_yet_carried_out_cannot_be_adopted()
    {
        var c = await Arrange.CaseAsync(App, Stage.Granted, leadCode: "MBU");

        var result = await Adoptions.AddAsync(c.CaseNumber, Input(await DepartmentAsync("MSO")), await App.ActorAsync(DemoUsers.Caseworker));

        Assert.IsType<CaseCommandResult.Refused>(result);
        Assert.Equal(0, await CountAsync(c));
    }

    [Fact]
    public async Task The_same_department_adopts_a_solution_once()
    {
        var c = await Arrange.CaseAsync(App, Stage.Implemented, leadCode: "MBU");
        var caseworker = await App.ActorAsync(DemoUsers.Caseworker);
        var mso = await DepartmentAsync("MSO");

        Assert.IsType<CaseCommandResult.Done>(await Adoptions.AddAsync(c.CaseNumber, Input(mso), caseworker));
        var again = await Adoptions.AddAsync(c.CaseNumber, Input(mso), caseworker);

        Assert.IsType<CaseCommandResult.Invalid>(again);
        Assert.Equal(1, await CountAsync(c));
    }
}

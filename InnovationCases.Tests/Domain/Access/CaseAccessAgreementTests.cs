using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Assignments;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Domain.Access;

/// <summary>
/// The visibility rule has one home, and its two forms — the SQL EF makes of the expression and
/// the compiled expression run in memory (cases, board cards, live changes) — must agree for every
/// role, department and case shape.
/// </summary>
public sealed class CaseAccessAgreementTests(CaseAccessAgreementTests.Fixture fixture) : IClassFixture<CaseAccessAgreementTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public TestApp App { get; } = new();
        public const string AssignedPanelMember = "panel-assigned";

        public List<int> CaseIds { get; } = [];
        public Dictionary<string, int> DepartmentIds { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await using (var db = await App.DbAsync())
            {
                DepartmentIds = await db.Departments.ToDictionaryAsync(d => d.Code, d => d.Id);
            }

            // Lead only; lead with one partner; lead with two partners; a local-funds case; a closed one.
            var shapes = new (string Lead, string[] Partners, bool Local, Stage Stage)[]
            {
                ("MBU", [], false, Stage.Submitted),
                ("MSO", ["MBU"], false, Stage.Screened),
                ("BA", ["MSO", "MTM"], false, Stage.Granted),
                ("MKB", [], true, Stage.Recommended),
                ("MSB", ["MKB"], false, Stage.Rejected),
            };
            foreach (var s in shapes)
            {
                var c = await Arrange.CaseAsync(App, s.Stage, leadCode: s.Lead, localFunds: s.Local, partnerCodes: s.Partners);
                CaseIds.Add(c.Id);
            }

            // An advisory member assigned to advise on two cases and assess none; another assigned to nothing.
            await using var write = await App.DbAsync();
            foreach (var (index, kind) in new[] { (0, AssignmentKind.Advice), (2, AssignmentKind.Advice) })
            {
                write.CaseAssignments.Add(new CaseAssignment
                {
                    CaseId = CaseIds[index], UserId = AssignedPanelMember, UserName = "Panel", Kind = kind,
                    DueDate = new DateOnly(2026, 12, 24), AssignedByUserId = "cw", AssignedByName = "Sagsbehandler",
                });
            }

            // Someone else's assignment on a third case must not make it visible to the member.
            write.CaseAssignments.Add(new CaseAssignment
            {
                CaseId = CaseIds[1], UserId = "someone-else", UserName = "Anden", Kind = AssignmentKind.Advice,
                DueDate = new DateOnly(2026, 12, 24), AssignedByUserId = "cw", AssignedByName = "Sagsbehandler",
            });
            await write.SaveChangesAsync();
        }

        public Task DisposeAsync()
        {
            App.Dispose();
            return Task.CompletedTask;
        }
    }

    public static TheoryData<Role, string?> Actors()
    {
        var data = new TheoryData<Role, string?>();
        foreach (var role in Enum.GetValues<Role>().Append((Role)99))
        {
            foreach (var dept in new string?[] { null, "MBU", "MSO", "MKB", "BA" })
            {
                data.Add(role, dept);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Actors))]
    public async Task The_database_and_the_in_memory_checks_agree_on_who_sees_which_case(Role role, string? department)
    {
        var actor = new Actor("u", "U", role, department is null ? null : fixture.DepartmentIds[department]);
        var (inSql, inMemory, byParties, cases) = await SeenAsync(actor);

        Assert.Equal(inSql, inMemory);
        Assert.Equal(inSql, byParties);
        var expected = role switch
        {
            Role.Caseworker or Role.DirectorGroup or Role.Manager or Role.Admin => cases.Count,
            Role.DepartmentStaff when department is not null => cases.Count(c => c.InvolvesDepartment(actor.DepartmentId!.Value)),
            _ => 0,
        };
        Assert.Equal(expected, inSql.Count);
    }

    [Theory]
    [InlineData(Fixture.AssignedPanelMember, null, new[] { 0, 2 })]
    [InlineData(Fixture.AssignedPanelMember, "MBU", new[] { 0, 2 })]
    [InlineData("panel-unassigned", null, new int[0])]
    [InlineData("", null, new int[0])]
    public async Task An_advisory_member_sees_exactly_the_cases_assigned_to_them_in_sql_and_in_memory(string userId, string? department, int[] expectedIndexes)
    {
        var actor = new Actor(userId, "Panel", Role.AdvisoryBoard, department is null ? null : fixture.DepartmentIds[department]);
        var (inSql, inMemory, byParties, _) = await SeenAsync(actor);

        Assert.Equal(expectedIndexes.Select(i => fixture.CaseIds[i]).Order(), inSql);
        Assert.Equal(inSql, inMemory);
        Assert.Equal(inSql, byParties);
    }

    [Fact]
    public async Task A_card_read_without_its_assignments_is_seen_by_no_advisory_member()
    {
        var actor = new Actor(Fixture.AssignedPanelMember, "Panel", Role.AdvisoryBoard, null);
        await using var db = await fixture.App.DbAsync();
        var assigned = await db.Cases.AsNoTracking().Include(c => c.PartnerDepartments).SingleAsync(c => c.Id == fixture.CaseIds[0]);

        Assert.False(actor.CanSee(assigned));
        Assert.False(actor.CanSee(new CaseParties(assigned.LeadDepartmentId, [])));
    }

    private async Task<(List<int> InSql, List<int> InMemory, List<int> ByParties, List<InnovationCase> Cases)> SeenAsync(Actor actor)
    {
        await using var db = await fixture.App.DbAsync();
        var ids = fixture.CaseIds;
        var inSql = await db.Cases.VisibleTo(actor).Where(c => ids.Contains(c.Id)).Select(c => c.Id).OrderBy(i => i).ToListAsync();
        var cases = await db.Cases.AsNoTracking().Include(c => c.PartnerDepartments).Include(c => c.Assignments)
            .Where(c => ids.Contains(c.Id)).ToListAsync();
        var inMemory = cases.Where(actor.CanSee).Select(c => c.Id).Order().ToList();
        var byParties = cases
            .Where(c => actor.CanSee(new CaseParties(c.LeadDepartmentId, c.PartnerDepartments.Select(p => p.DepartmentId), c.Assignments.Select(a => a.UserId))))
            .Select(c => c.Id).Order().ToList();
        return (inSql, inMemory, byParties, cases);
    }

    [Fact]
    public async Task Staff_of_a_partner_department_see_the_case_and_staff_of_an_uninvolved_one_do_not()
    {
        var mbu = new Actor("u", "U", Role.DepartmentStaff, fixture.DepartmentIds["MBU"]);
        var tm = new Actor("u", "U", Role.DepartmentStaff, fixture.DepartmentIds["MTM"]);
        await using var db = await fixture.App.DbAsync();
        var partnered = await db.Cases.Include(c => c.PartnerDepartments).SingleAsync(c => c.Id == fixture.CaseIds[1]);

        Assert.True(mbu.CanSee(partnered));
        Assert.False(tm.CanSee(partnered));
    }
}

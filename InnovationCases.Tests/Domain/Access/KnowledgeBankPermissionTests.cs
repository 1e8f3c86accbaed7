using InnovationCases.Domain;

namespace InnovationCases.Tests.Domain.Access;

public sealed class KnowledgeBankPermissionTests
{
    private static Actor As(Role role, int? department = null) => new("u", "U", role, department);

    private static InnovationCase Case(Stage stage, int lead = 1, long? granted = 500_000) =>
        new() { CaseNumber = "INNO-2026-0001", Stage = stage, LeadDepartmentId = lead, GrantedAmount = granted };

    [Theory]
    [InlineData(Role.Caseworker)]
    [InlineData(Role.DirectorGroup)]
    [InlineData(Role.Manager)]
    [InlineData(Role.DepartmentStaff)]
    [InlineData(Role.Admin)]
    public void Every_existing_role_reads_the_knowledge_bank(Role role) =>
        Assert.True(As(role, role == Role.DepartmentStaff ? 2 : null).MayReadKnowledgeBank());

    [Fact]
    public void An_unknown_role_is_refused_the_knowledge_bank_and_its_entries()
    {
        var stranger = As((Role)99, 2);

        Assert.False(stranger.MayReadKnowledgeBank());
        Assert.False(stranger.MayReadKnowledgeEntry(Case(Stage.Evaluated)));
        Assert.False(stranger.MayRecordAdoption(Case(Stage.Evaluated), 2));
    }

    [Fact]
    public void Department_staff_record_adoptions_for_their_own_department_only()
    {
        var staff = As(Role.DepartmentStaff, 2);
        var evaluated = Case(Stage.Evaluated, lead: 1);

        Assert.True(staff.MayRecordAdoption(evaluated, 2));
        Assert.False(staff.MayRecordAdoption(evaluated, 3));
        Assert.True(As(Role.Caseworker).MayRecordAdoption(evaluated, 3));
        Assert.False(As(Role.Manager).MayRecordAdoption(evaluated, 3));
    }

    [Fact]
    public void Nobody_adopts_for_the_lead_department_or_before_the_solution_is_carried_out()
    {
        var caseworker = As(Role.Caseworker);

        Assert.False(caseworker.MayRecordAdoption(Case(Stage.Evaluated, lead: 1), 1));
        Assert.False(caseworker.MayRecordAdoption(Case(Stage.Granted, lead: 1), 2));
        Assert.True(caseworker.MayRecordAdoption(Case(Stage.Implemented, lead: 1), 2));
    }

    [Fact]
    public void The_lead_department_or_a_caseworker_writes_a_story_and_only_a_caseworker_publishes()
    {
        var c = Case(Stage.Evaluated, lead: 1);

        Assert.True(As(Role.DepartmentStaff, 1).MayWriteStory(c));
        Assert.False(As(Role.DepartmentStaff, 2).MayWriteStory(c));
        Assert.True(As(Role.Caseworker).MayWriteStory(c));
        Assert.False(As(Role.DirectorGroup).MayWriteStory(c));
        Assert.False(As(Role.Caseworker).MayWriteStory(Case(Stage.Submitted, granted: null)));
        Assert.True(As(Role.Caseworker).MayPublishStory());
        Assert.False(As(Role.DepartmentStaff, 1).MayPublishStory());
        Assert.False(As((Role)99).MayPublishStory());
    }
}

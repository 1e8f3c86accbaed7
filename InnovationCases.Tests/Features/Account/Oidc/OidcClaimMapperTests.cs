using System.Security.Claims;
using InnovationCases.Domain;
using InnovationCases.Features.Account.Oidc;

namespace InnovationCases.Tests.Features.Account.Oidc;

public sealed class OidcClaimMapperTests
{
    private static readonly OidcOptions Options = new()
    {
        Enabled = true,
        GroupClaim = "groups",
        RoleMap = new(StringComparer.OrdinalIgnoreCase)
        {
            ["g-innovation-sekretariat"] = "Caseworker",
            ["g-direktoergruppen"] = "DirectorGroup",
            ["g-ledere"] = "Manager",
            ["g-mbu-innovation"] = "DepartmentStaff",
            ["g-mso-innovation"] = "DepartmentStaff",
            ["g-it-admin"] = "Admin",
            ["g-typo"] = "Superuser",
        },
        DepartmentMap = new(StringComparer.OrdinalIgnoreCase)
        {
            ["g-mbu-innovation"] = "MBU",
            ["g-mso-innovation"] = "mso",
            ["g-ba"] = "BA",
        },
    };

    private static List<Claim> User(params string[] groups) =>
    [
        new("sub", "abc-123"),
        new("email", "jonas@aarhus.example"),
        new("name", "Jonas Kjær"),
        .. groups.Select(g => new Claim("groups", g)),
    ];

    [Fact]
    public void A_department_group_maps_to_department_staff_of_that_department()
    {
        var m = OidcClaimMapper.Map(User("g-mbu-innovation", "g-unrelated"), Options);

        Assert.True(m.Succeeded);
        Assert.Equal(Role.DepartmentStaff, m.Role);
        Assert.Equal("MBU", m.DepartmentCode);
        Assert.Equal(("abc-123", "jonas@aarhus.example", "Jonas Kjær"), (m.Subject, m.Email, m.Name));
        Assert.Contains(m.Claims(), c => c.Type == ClaimTypes.Role && c.Value == "DepartmentStaff");
        Assert.Contains(m.Claims(), c => c.Type == OidcMapping.DepartmentCodeClaim && c.Value == "MBU");
    }

    [Fact]
    public void Group_names_are_matched_without_regard_to_case_and_codes_are_upper_cased()
    {
        var m = OidcClaimMapper.Map(User("G-MSO-INNOVATION"), Options);

        Assert.Equal(Role.DepartmentStaff, m.Role);
        Assert.Equal("MSO", m.DepartmentCode);
    }

    [Fact]
    public void The_widest_role_wins_when_several_groups_give_roles()
    {
        var m = OidcClaimMapper.Map(User("g-ledere", "g-innovation-sekretariat", "g-ba"), Options);

        Assert.True(m.Succeeded);
        Assert.Equal(Role.Caseworker, m.Role);
        Assert.Equal("BA", m.DepartmentCode);
    }

    [Fact]
    public void No_mapped_group_gives_no_access()
    {
        var m = OidcClaimMapper.Map(User("g-unrelated", "g-typo"), Options);

        Assert.False(m.Succeeded);
        Assert.Equal(OidcRefusal.NoRole, m.Refusal);
        Assert.Empty(m.Claims());
    }

    [Fact]
    public void Department_staff_without_a_department_group_is_refused()
    {
        var options = new OidcOptions { GroupClaim = "groups", RoleMap = new() { ["staff"] = "DepartmentStaff" } };

        var m = OidcClaimMapper.Map(User("staff"), options);

        Assert.False(m.Succeeded);
        Assert.Equal(OidcRefusal.NoDepartment, m.Refusal);
    }

    [Fact]
    public void Groups_pointing_to_two_departments_are_refused_rather_than_guessed()
    {
        var m = OidcClaimMapper.Map(User("g-mbu-innovation", "g-mso-innovation"), Options);

        Assert.False(m.Succeeded);
        Assert.Equal(OidcRefusal.SeveralDepartments, m.Refusal);
    }

    [Fact]
    public void A_configured_group_claim_type_is_read_and_others_ignored()
    {
        var options = new OidcOptions { GroupClaim = "roles", RoleMap = new() { ["Innovation.Admin"] = "Admin" } };
        List<Claim> claims = [new("sub", "x"), new("preferred_username", "it@aarhus.example"), new("groups", "g-ledere"), new("roles", "Innovation.Admin")];

        var m = OidcClaimMapper.Map(claims, options);

        Assert.Equal(Role.Admin, m.Role);
        Assert.Equal("it@aarhus.example", m.Email);
        Assert.Equal("it@aarhus.example", m.Name);
    }

    [Fact]
    public void Claims_without_subject_or_email_are_refused()
    {
        List<Claim> claims = [new("name", "Ukendt"), new("groups", "g-ledere")];

        var m = OidcClaimMapper.Map(claims, Options);

        Assert.Equal(OidcRefusal.MissingIdentity, m.Refusal);
    }
}

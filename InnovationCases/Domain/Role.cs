namespace InnovationCases.Domain;

public enum Role
{
    Caseworker,
    DirectorGroup,
    Manager,
    DepartmentStaff,
    Admin,
    AdvisoryBoard,
}

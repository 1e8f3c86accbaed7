namespace InnovationCases.Domain;

public enum ApplicantType
{
    Department,
    CivilSociety,
    Business,
    EducationInstitution,
    Region,
}

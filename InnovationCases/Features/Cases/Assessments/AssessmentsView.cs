using InnovationCases.Domain;

namespace InnovationCases.Features.Cases.Assessments;

/// <summary>A case's assessments with the averages per criterion, for those allowed to read them.</summary>
public sealed record AssessmentsView(IReadOnlyList<Assessment> Assessments)
{
    public decimal? Average(Criterion criterion)
    {
        var scores = Assessments.SelectMany(a => a.Scores).Where(s => s.Criterion == criterion).Select(s => s.Score).ToList();
        return scores.Count == 0 ? null : Math.Round((decimal)scores.Sum() / scores.Count, 2);
    }

    public decimal? OverallAverage
    {
        get
        {
            var scores = Assessments.SelectMany(a => a.Scores).Select(s => s.Score).ToList();
            return scores.Count == 0 ? null : Math.Round((decimal)scores.Sum() / scores.Count, 2);
        }
    }

    public int MainCriterionMetCount => Assessments.Count(a => a.MainCriterionMet);
}

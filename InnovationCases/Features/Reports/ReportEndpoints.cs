using InnovationCases.Domain;
using InnovationCases.Features.Account;
using Microsoft.AspNetCore.Authorization;

namespace InnovationCases.Features.Reports;

/// <summary>
/// The downloads: <c>/reports/{kind}.csv</c> and <c>/reports/{kind}.xlsx</c> with <c>year</c>,
/// <c>department</c> and <c>theme</c> in the query. Plain links, no script (the app gets a CSP);
/// only readers of all cases may download, and the rows go through CaseScope like the page's.
/// </summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{kind}.{format}", ExportAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = RoleSets.AllCasesReaders })
            .WithName("ReportExport");
        return app;
    }

    private static async Task<IResult> ExportAsync(
        string kind, string format, int year, int? department, string? theme,
        HttpContext http, ReportService reports, CancellationToken ct)
    {
        if (!Enum.TryParse<ReportKind>(kind, ignoreCase: true, out var reportKind) || !Enum.IsDefined(reportKind)
            || format is not ("csv" or "xlsx"))
        {
            return Results.NotFound();
        }

        Theme? themeFilter = null;
        if (!string.IsNullOrEmpty(theme))
        {
            if (!Enum.TryParse<Theme>(theme, ignoreCase: true, out var t) || !Enum.IsDefined(t))
            {
                return Results.BadRequest();
            }

            themeFilter = t;
        }

        if (http.User.ToActor() is not { } actor)
        {
            return Results.Forbid();
        }

        var table = await reports.BuildAsync(new ReportRequest(reportKind, year, department, themeFilter), actor, ct);
        var fileName = $"{table.FileStem}.{format}";
        return format == "csv"
            ? Results.Stream(s => ReportCsv.WriteAsync(table, s, ct), ReportCsv.ContentType, fileName)
            : Results.Stream(s => ReportXlsx.WriteAsync(table, s, ct), ReportXlsx.ContentType, fileName);
    }
}

using System.Text.Json;
using InnovationCases.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace InnovationCases.Features.PersonalData;

/// <summary>
/// The export download: a form POST (antiforgery-checked) rather than a link, so the person's
/// e-mail and name never appear in a URL, a proxy log or the browser history.
/// </summary>
public static class PersonalDataEndpoints
{
    public const string ExportPath = "/admin/personal-data/export";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapPersonalDataExport(this IEndpointRouteBuilder app)
    {
        app.MapPost(ExportPath, ExportAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = RoleSets.Admin });
        return app;
    }

    private static async Task<IResult> ExportAsync(
        [FromForm] string? email, [FromForm] string? name, HttpContext http, PersonalDataService service, CancellationToken ct)
    {
        if (http.User.ToActor() is not { } actor)
        {
            return Results.Forbid();
        }

        var result = await service.ExportAsync(actor, new PersonalDataQuery(email, name), ct);
        if (!result.Succeeded || result.Data is null)
        {
            return Results.BadRequest(string.Join(" ", result.Errors));
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(result.Data, Json);
        var fileName = $"persondata-{result.Data.ExportedAtUtc:yyyyMMdd-HHmmss}.json";
        return Results.File(bytes, "application/json; charset=utf-8", fileName);
    }
}

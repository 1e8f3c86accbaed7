using System.Text;
using System.Text.Json;
using InnovationCases.Domain;
using InnovationCases.Features.Live;

namespace InnovationCases.Data.Postgres;

/// <summary>
/// A <see cref="CaseChange"/> as a NOTIFY payload, with the sending instance's id so that instance
/// does not publish its own change twice. PostgreSQL caps a payload below 8000 bytes: a change that
/// does not fit (a long note, many assignees) travels as its ids only (<see cref="Full"/> false) and
/// the receiver reads it from the event row.
/// </summary>
public sealed record ChangeMessage(
    string Origin,
    long EventId,
    int CaseId,
    bool Full,
    string? CaseNumber = null,
    CaseEventKind Kind = default,
    Stage? FromStage = null,
    Stage ToStage = default,
    int Version = 0,
    string? ActorName = null,
    DateTime At = default,
    int LeadDepartmentId = 0,
    int[]? PartnerDepartmentIds = null,
    string[]? AssignedUserIds = null,
    string? Note = null)
{
    /// <summary>Below PostgreSQL's 8000-byte limit, with room for the channel name.</summary>
    public const int MaxPayloadBytes = 7500;

    public static string Serialize(string origin, CaseChange c)
    {
        var full = new ChangeMessage(origin, c.EventId, c.CaseId, true, c.CaseNumber, c.Kind, c.FromStage, c.ToStage, c.Version,
            c.ActorName, c.At, c.Parties.LeadDepartmentId, [.. c.Parties.PartnerDepartmentIds], [.. c.Parties.AssignedUserIds], c.Note);
        var json = JsonSerializer.Serialize(full);
        return Encoding.UTF8.GetByteCount(json) <= MaxPayloadBytes
            ? json
            : JsonSerializer.Serialize(new ChangeMessage(origin, c.EventId, c.CaseId, false));
    }

    public static ChangeMessage? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<ChangeMessage>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The change itself; only for a <see cref="Full"/> message.</summary>
    public CaseChange ToChange() =>
        new(CaseId, CaseNumber ?? "", Kind, FromStage, ToStage, Version, ActorName ?? "", At,
            new CaseParties(LeadDepartmentId, PartnerDepartmentIds ?? [], AssignedUserIds ?? []), Note, EventId);
}

using System.Text.Json;
using System.Text.Json.Serialization;
using InnovationCases.Domain.Workflow;

namespace InnovationCases.Domain;

/// <summary>
/// One line of a case's audit trail. Written in the same transaction as the change it records and
/// never changed afterwards (<see cref="Data.AppDbContext"/> refuses updates and deletes).
/// </summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public int CaseId { get; set; }
    public CaseEventKind Kind { get; set; }
    public Stage? FromStage { get; set; }
    public Stage ToStage { get; set; }
    public Trigger? Trigger { get; set; }
    public required string ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public DateTime At { get; set; }
    public string? Note { get; set; }

    /// <summary>The trigger's data or the edited fields, as JSON.</summary>
    public string? DataJson { get; set; }

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The event for a fired trigger; the reason (or note) is the event's note, the data its JSON.</summary>
    public static CaseEvent ForMove(InnovationCase c, Stage from, MoveData data, Actor actor) => new()
    {
        CaseId = c.Id,
        Kind = CaseEventKind.Moved,
        FromStage = from,
        ToStage = c.Stage,
        Trigger = data.Trigger,
        ActorUserId = actor.UserId,
        ActorName = actor.Name,
        At = c.StageChangedAt,
        Note = data.LogNote?.Trim(),
        DataJson = JsonSerializer.Serialize<object>(data, Json),
    };

    /// <summary>The first event of a case: it was submitted.</summary>
    public static CaseEvent ForCreated(InnovationCase c, Actor actor) => new()
    {
        CaseId = c.Id,
        Kind = CaseEventKind.Created,
        ToStage = c.Stage,
        ActorUserId = actor.UserId,
        ActorName = actor.Name,
        At = c.SubmittedAt,
    };

    /// <summary>An event that records something done to a case without moving it (edit, assessment, effect report).</summary>
    public static CaseEvent ForAnnotation<T>(InnovationCase c, CaseEventKind kind, Actor actor, DateTime at, T payload) => new()
    {
        CaseId = c.Id,
        Kind = kind,
        FromStage = c.Stage,
        ToStage = c.Stage,
        ActorUserId = actor.UserId,
        ActorName = actor.Name,
        At = at,
        DataJson = ToJson(payload),
    };

    /// <summary>Serializes any event payload (edited fields, an assessment summary) the same way.</summary>
    public static string ToJson<T>(T payload) => JsonSerializer.Serialize(payload, Json);
}

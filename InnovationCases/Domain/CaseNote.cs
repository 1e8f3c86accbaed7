namespace InnovationCases.Domain;

/// <summary>
/// An internal note on a case, or a reply to one (one level deep). Read only by those who may read
/// notes (<see cref="Access.Permissions.MayReadNotes"/>); its author may correct it for
/// <see cref="EditWindow"/>, after which it is fixed.
/// </summary>
public sealed class CaseNote
{
    /// <summary>How long the author may edit a note after writing it.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(10);

    public int Id { get; set; }
    public int CaseId { get; set; }
    public InnovationCase? Case { get; set; }

    /// <summary>The note this one replies to; replies never have replies of their own.</summary>
    public int? ParentId { get; set; }

    public required string AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public required string Body { get; set; }

    /// <summary>The mentioned users, by id: names change, ids do not, and notifications find people by id.</summary>
    public List<string> MentionedUserIds { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime? EditedAt { get; set; }

    public bool IsEditableAt(DateTime now) => now - CreatedAt <= EditWindow;
}

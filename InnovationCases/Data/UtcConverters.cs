using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace InnovationCases.Data;

/// <summary>
/// The app keeps every instant in UTC (<see cref="TimeProvider.GetUtcNow"/>); SQLite stores whatever it
/// is given, but PostgreSQL's <c>timestamptz</c> accepts only UTC. A value built without a kind (a date
/// picked in the UI, demo data) is UTC by the app's convention, so it is marked as such on the way in.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary><c>timestamptz</c> takes offsets of zero only: an instant is stored as the same instant in UTC.</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    v => v.ToUniversalTime(),
    v => v);

using CsvHelper;
using InnovationCases.Domain;

namespace InnovationCases.Features.Reports;

/// <summary>
/// Writes a report as CSV the way Danish Excel opens it: UTF-8 with a byte order mark, semicolons,
/// kroner as Danish numbers (<c>2.500.000</c>). Text that a spreadsheet would run as a formula
/// (starting with = + - @, tab or CR) is prefixed with an apostrophe (CSV injection).
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = Money.Danish,
    };

    /// <summary>Streams <paramref name="table"/> to <paramref name="destination"/>, flushing as it goes.</summary>
    public static async Task WriteAsync(ReportTable table, Stream destination, CancellationToken ct = default)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        await csv.WriteRecordAsync(table.Columns.Select(c => c.Header).ToArray(), ct);
        foreach (var row in table.Rows)
        {
            await csv.WriteRecordAsync(row.Select((v, i) => Format(table.Columns[i], v)).ToArray(), ct);
        }

        await csv.FlushAsync(ct);
    }

    private static string? Format(ReportColumn column, object? value) => value switch
    {
        null => null,
        long kroner when column.Kind == ReportValueKind.Money => kroner.ToString("N0", Money.Danish),
        _ => Convert.ToString(value, Money.Danish),
    };
}

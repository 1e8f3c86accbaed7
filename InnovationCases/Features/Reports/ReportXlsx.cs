using MiniExcelLibs;

namespace InnovationCases.Features.Reports;

/// <summary>
/// Writes a report as an XLSX workbook with MiniExcel: one sheet, a header row, kroner as numbers.
/// Text is stored as text cells, never as formulas, so a value such as <c>=1+1</c> cannot run.
/// </summary>
public static class ReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Writes <paramref name="table"/> to <paramref name="destination"/> (any stream: the zip is built in memory first).</summary>
    public static async Task WriteAsync(ReportTable table, Stream destination, CancellationToken ct = default)
    {
        // Headers are unique per report; MiniExcel takes the dictionary keys as the header row.
        var rows = table.Rows
            .Select(r =>
            {
                var d = new Dictionary<string, object?>(table.Columns.Count);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    d[table.Columns[i].Header] = r[i];
                }

                return d;
            })
            .ToList();
        if (rows.Count == 0)
        {
            // MiniExcel takes the header from the first row: an empty report still gets its headers.
            rows.Add(table.Columns.ToDictionary(c => c.Header, _ => (object?)null));
        }

        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(rows, printHeader: true, sheetName: "Rapport", excelType: ExcelType.XLSX, cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(destination, ct);
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using InnovationCases.Domain;
using InnovationCases.Features.Reports;
using InnovationCases.Tests.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace InnovationCases.Tests.Features.Reports;

public class ReportExportTests(KnownDataSet data) : IClassFixture<KnownDataSet>
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private Task<ReportTable> FinanceAsync() =>
        data.App.AppServices.GetRequiredService<ReportService>().BuildAsync(new ReportRequest(ReportKind.Finance, KnownDataSet.Year), KnownDataSet.Manager);

    private static ReportTable Tricky() => new(
        "Test", "",
        [new ReportColumn("Tekst", ReportValueKind.Text), new ReportColumn("Beløb (kr.)", ReportValueKind.Money)],
        [
            ["semikolon; her", 2_500_000L],
            ["\"citat\" i midten", 0L],
            ["linje 1\r\nlinje 2", null],
            ["=1+1", 1L],
            ["+45 87 13 00 00", 2L],
            ["-2+3", 3L],
            ["@SUM(A1)", 4L],
            [null, 5L],
        ]);

    private static async Task<byte[]> CsvAsync(ReportTable table)
    {
        using var stream = new MemoryStream();
        await ReportCsv.WriteAsync(table, stream);
        return stream.ToArray();
    }

    private static List<string?[]> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';', HasHeader = false });
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }

    [Fact]
    public async Task Csv_is_utf8_with_bom_semicolons_and_danish_numbers()
    {
        var bytes = await CsvAsync(Tricky());

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Tekst;Beløb (kr.)\r\n", text);
        Assert.Contains(";2.500.000\r\n", text);
    }

    [Fact]
    public async Task Csv_round_trips_semicolons_quotes_and_line_breaks_and_neutralises_formulas()
    {
        var rows = ReadCsv(await CsvAsync(Tricky()));

        Assert.Equal(9, rows.Count); // header + every row
        Assert.Equal(["Tekst", "Beløb (kr.)"], rows[0].Select(x => x ?? ""));
        Assert.Equal("semikolon; her", rows[1][0]);
        Assert.Equal(2_500_000, long.Parse(rows[1][1]!, NumberStyles.Number, Danish));
        Assert.Equal("\"citat\" i midten", rows[2][0]);
        Assert.Equal("linje 1\r\nlinje 2", rows[3][0]);
        Assert.True(string.IsNullOrEmpty(rows[3][1]));
        Assert.Equal("'=1+1", rows[4][0]);
        Assert.Equal("'+45 87 13 00 00", rows[5][0]);
        Assert.Equal("'-2+3", rows[6][0]);
        Assert.Equal("'@SUM(A1)", rows[7][0]);
        Assert.True(string.IsNullOrEmpty(rows[8][0]));
    }

    [Fact]
    public async Task Csv_of_a_real_report_has_its_headers_and_every_row()
    {
        var table = await FinanceAsync();

        var rows = ReadCsv(await CsvAsync(table));

        Assert.Equal(table.Columns.Select(c => c.Header), rows[0].Select(x => x ?? ""));
        Assert.Equal(table.Rows.Count + 1, rows.Count);
        var title = table.Columns.ToList().FindIndex(c => c.Header == "Titel");
        Assert.Contains(rows, r => r[title] == "Afslag; \"citat\" og\nlinjeskift");
        Assert.Contains(rows, r => r[title] == "'=HYPERLINK(\"http://x\")");
        var granted = table.Columns.ToList().FindIndex(c => c.Header == "Bevilget (kr.)");
        Assert.Contains(rows, r => r[granted] == "300.000");
    }

    [Fact]
    public async Task Xlsx_round_trips_headers_rows_and_tricky_text_as_text_never_formulas()
    {
        using var stream = new MemoryStream();
        await ReportXlsx.WriteAsync(Tricky(), stream);

        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(["Tekst", "Beløb (kr.)"], rows[0].Keys);
        Assert.Equal("semikolon; her", rows[0]["Tekst"]);
        Assert.Equal(2_500_000d, Convert.ToDouble(rows[0]["Beløb (kr.)"], CultureInfo.InvariantCulture));
        Assert.Equal("\"citat\" i midten", rows[1]["Tekst"]);
        Assert.Equal("linje 1\r\nlinje 2", ((string?)rows[2]["Tekst"])?.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        Assert.Equal("=1+1", rows[3]["Tekst"]);
        Assert.Equal("@SUM(A1)", rows[6]["Tekst"]);

        stream.Position = 0;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.DoesNotContain("<f>", xml); // no cell is a formula
        Assert.DoesNotContain("<x:f>", xml);
    }

    [Fact]
    public async Task Xlsx_of_a_real_report_has_every_row_with_kroner_as_numbers()
    {
        var table = await FinanceAsync();
        using var stream = new MemoryStream();
        await ReportXlsx.WriteAsync(table, stream);

        stream.Position = 0;
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(table.Rows.Count, rows.Count);
        Assert.Equal(table.Columns.Select(c => c.Header), rows[0].Keys);
        Assert.Equal(900_000d, rows.Sum(r => r["Bevilget (kr.)"] is { } v ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : 0));
    }
}

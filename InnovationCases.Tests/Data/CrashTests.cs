using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using InnovationCases.Data;
using Microsoft.Data.Sqlite;

namespace InnovationCases.Tests.Data;

/// <summary>
/// The app's real services are killed with SIGKILL in the middle of a burst of moves, then the file
/// is opened again. Why a child process and which one: a kill must take the whole process with its
/// SQLite handles, so the writers cannot live in the test process; moves are Blazor-circuit actions,
/// not HTTP endpoints, and a test-only endpoint or a hidden command in the shipped app would be code
/// that production carries for a test. So the child is <c>InnovationCases.CrashDrill</c>, a small
/// console next to the tests that builds the app's own service collection (<c>AddInnovationCases</c>,
/// the same migrations, <c>DbWriter</c> and <c>CaseWorkflowService</c>) and prints each acknowledged
/// move. Acknowledged means the line reached this process, i.e. the move's transaction had committed.
/// </summary>
public sealed class CrashTests : IDisposable
{
    private const int Writers = 6;
    private const int MovesBeforeKill = 60;
    private readonly string _folder = Directory.CreateTempSubdirectory("ic-crash-").FullName;

    private string DatabasePath => Path.Combine(_folder, "cases.db");

    [Fact]
    public async Task Killing_the_app_mid_burst_keeps_the_file_intact_and_every_acknowledged_move_with_its_event()
    {
        var start = new ConcurrentDictionary<string, (int Version, int Moves)>();
        var acknowledged = new ConcurrentDictionary<string, int>();
        var enough = new TaskCompletionSource();
        var count = 0;

        using (var drill = StartDrill(Writers))
        {
            drill.OutputDataReceived += (_, e) =>
            {
                var parts = e.Data?.Split(' ');
                if (parts is ["start", var number, var version, var moves])
                {
                    start[number] = (int.Parse(version, CultureInfo.InvariantCulture), int.Parse(moves, CultureInfo.InvariantCulture));
                }
                else if (parts is ["moved", var moved, var newVersion])
                {
                    acknowledged.AddOrUpdate(moved, int.Parse(newVersion, CultureInfo.InvariantCulture), (_, old) => Math.Max(old, int.Parse(newVersion, CultureInfo.InvariantCulture)));
                    if (Interlocked.Increment(ref count) >= MovesBeforeKill)
                    {
                        enough.TrySetResult();
                    }
                }
            };
            drill.Exited += (_, _) => enough.TrySetException(new InvalidOperationException($"The drill exited by itself ({drill.ExitCode})."));
            drill.BeginOutputReadLine();

            await enough.Task.WaitAsync(TimeSpan.FromMinutes(3));
            drill.Kill(); // SIGKILL on Unix: no shutdown, no checkpoint
            await drill.WaitForExitAsync();
        }

        using (var restart = StartDrill(0))
        {
            await restart.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(0, restart.ExitCode);
        }

        Assert.Equal(Writers, start.Count);
        Assert.Equal("ok", await DatabaseBackup.IntegrityCheckAsync(DatabasePath));
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        foreach (var (number, (startVersion, startMoves)) in start)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT c.Version, (SELECT COUNT(*) FROM CaseEvents e WHERE e.CaseId = c.Id AND e.Kind = 'Moved')
                FROM Cases c WHERE c.CaseNumber = $number
                """;
            command.Parameters.AddWithValue("$number", number);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            var (version, moves) = (reader.GetInt32(0), reader.GetInt32(1));
            Assert.True(version >= acknowledged.GetValueOrDefault(number, startVersion), $"{number}: stored version {version} is behind an acknowledged move");
            Assert.Equal(version - startVersion, moves - startMoves);
        }
    }

    private Process StartDrill(int writers)
    {
        var bin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.GetFullPath(Path.Combine(bin.FullName, "..", "..", "..", "..", "InnovationCases.CrashDrill", "bin",
            bin.Parent!.Name, bin.Name, "InnovationCases.CrashDrill.dll"));
        Assert.True(File.Exists(dll), $"{dll} is missing; build the solution.");
        var info = new ProcessStartInfo("dotnet", [dll, writers.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        info.Environment["ConnectionStrings__Cases"] = $"Data Source={DatabasePath}";
        info.Environment["DemoData__Enabled"] = "true";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.Start();
        return process;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

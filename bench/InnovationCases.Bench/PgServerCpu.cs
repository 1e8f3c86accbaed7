using Npgsql;

namespace InnovationCases.Bench;

/// <summary>
/// The CPU time of one PostgreSQL server's processes (its postmaster, the backends and helpers it
/// forked, and those that exited meanwhile), read from <c>/proc</c>: what the server spends on the
/// moves beside the app's own CPU. Only for a server on this machine; other servers on it (other test
/// runs) are not counted. Null when the server is elsewhere or <c>/proc</c> does not say.
/// </summary>
internal sealed class PgServerCpu
{
    private readonly int _postmaster;

    private PgServerCpu(int postmaster) => _postmaster = postmaster;

    public static async Task<PgServerCpu?> FindAsync(string? connectionString)
    {
        if (!BenchDatabase.Postgres || connectionString is null || !OperatingSystem.IsLinux())
        {
            return null;
        }

        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        // A backend's parent is the postmaster; a backend that is not on this machine has no /proc entry (or another process's).
        var parent = Stat(conn.ProcessID) is { } backend && backend.Command == "postgres" ? backend.Parent : 0;
        return parent > 0 && Stat(parent) is { Command: "postgres" } ? new PgServerCpu(parent) : null;
    }

    /// <summary>CPU seconds the server used so far: the postmaster's own and its reaped children's, plus its live children's.</summary>
    public double Seconds()
    {
        var ticks = Stat(_postmaster)?.OwnAndReaped ?? 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } s && s.Parent == _postmaster)
            {
                ticks += s.Own;
            }
        }

        return ticks / 100.0; // USER_HZ
    }

    private static ProcStat? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            var f = stat[(close + 2)..].Split(' ');
            // After "(comm) ": state, ppid, …, utime (12th), stime, cutime, cstime.
            var own = long.Parse(f[11]) + long.Parse(f[12]);
            return new ProcStat(stat[(open + 1)..close], int.Parse(f[1]), own, own + long.Parse(f[13]) + long.Parse(f[14]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private sealed record ProcStat(string Command, int Parent, long Own, long OwnAndReaped);
}

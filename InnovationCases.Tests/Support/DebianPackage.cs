using System.Diagnostics;

namespace InnovationCases.Tests.Support;

/// <summary>
/// Makes a test's external program (Chromium today, PostgreSQL later) present, so that
/// <c>dotnet test</c> on a fresh Debian machine needs no set-up of its own: running as root on
/// Debian, a missing program's package is installed once, under a file lock so that fixtures
/// starting in parallel (or in parallel test runs) do not run apt-get at the same time. Anywhere
/// else the fixture fails with the exact command to run, never skips.
/// </summary>
public static class DebianPackage
{
    private const string LockPath = "/tmp/innovationcases-apt.lock";
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(15);

    /// <summary>Returns when <paramref name="binaryPath"/> exists, installing <paramref name="packageName"/> if it may.</summary>
    public static void Ensure(string binaryPath, string packageName) =>
        Ensure(binaryPath, packageName, MayInstall(), Console.Error);

    /// <summary>The same, with the decision whether to install and the progress writer given (for tests).</summary>
    public static void Ensure(string binaryPath, string packageName, bool mayInstall, TextWriter log) =>
        Ensure(() => File.Exists(binaryPath), binaryPath, packageName, mayInstall, log);

    /// <summary>
    /// For a package whose program's path is known only after the install (PostgreSQL's
    /// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>): returns when <paramref name="isPresent"/> holds.
    /// </summary>
    public static void Ensure(Func<bool> isPresent, string what, string packageName) =>
        Ensure(isPresent, what, packageName, MayInstall(), Console.Error);

    private static void Ensure(Func<bool> isPresent, string what, string packageName, bool mayInstall, TextWriter log)
    {
        if (isPresent())
        {
            return;
        }

        var command = $"apt-get install -y {packageName}";
        if (!mayInstall)
        {
            throw new InvalidOperationException(
                $"{what} is missing. Install Debian's {packageName} package as root: {command}");
        }

        using (AcquireLock())
        {
            // Another fixture may have installed it while this one waited for the lock.
            if (isPresent())
            {
                return;
            }

            log.WriteLine($"{what} is missing: installing Debian's {packageName} package ({command}).");
            // A fresh machine has no package lists yet; an up-to-date one installs without the network.
            if (AptGet($"install -y -qq {packageName}") != 0)
            {
                AptGet("update -qq");
                AptGet($"install -y -qq {packageName}");
            }
        }

        if (!isPresent())
        {
            throw new InvalidOperationException(
                $"{what} is still missing after installing Debian's {packageName} package. Check the package, or run: {command}");
        }
    }

    private static bool MayInstall() =>
        OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess
        && File.Exists("/etc/debian_version") && File.Exists("/usr/bin/apt-get");

    /// <summary>An exclusive lock (flock on Linux) held for as long as the stream is open; released if the process dies.</summary>
    private static FileStream AcquireLock()
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another process is installing; there is no event to wait on for a foreign flock.
                Thread.Sleep(500);
            }
        }
    }

    private static int AptGet(string arguments)
    {
        var start = new ProcessStartInfo("/usr/bin/apt-get", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"apt-get {arguments} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }

        return process.ExitCode;
    }
}

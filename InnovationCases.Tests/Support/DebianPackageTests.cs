namespace InnovationCases.Tests.Support;

public sealed class DebianPackageTests
{
    private static string MissingBinary() => Path.Combine(Path.GetTempPath(), $"ic-missing-{Guid.NewGuid():N}", "bin");

    [Fact]
    public void A_present_binary_needs_nothing_and_says_nothing()
    {
        var log = new StringWriter();

        DebianPackage.Ensure("/bin/sh", "dash", mayInstall: true, log);

        Assert.Equal("", log.ToString());
    }

    [Fact]
    public void A_missing_binary_that_may_not_be_installed_fails_with_the_exact_command()
    {
        var binary = MissingBinary();

        var e = Assert.Throws<InvalidOperationException>(() => DebianPackage.Ensure(binary, "chromium", mayInstall: false, new StringWriter()));

        Assert.Contains(binary, e.Message);
        Assert.Contains("apt-get install -y chromium", e.Message);
    }

    [Fact]
    public void A_missing_binary_runs_the_install_under_the_lock_says_so_and_fails_when_the_package_does_not_provide_it()
    {
        // dpkg is always installed, so apt-get has nothing to fetch: the install path runs for real
        // and fast, and the binary it was asked for still does not exist afterwards.
        var binary = MissingBinary();
        var log = new StringWriter();

        var e = Assert.Throws<InvalidOperationException>(() => DebianPackage.Ensure(binary, "dpkg", mayInstall: true, log));

        Assert.Contains($"{binary} is missing: installing Debian's dpkg package", log.ToString());
        Assert.Contains("still missing after installing Debian's dpkg package", e.Message);
    }
}

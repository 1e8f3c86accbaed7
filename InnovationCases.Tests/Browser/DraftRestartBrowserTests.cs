using InnovationCases.Tests.Support;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DraftRestartBrowserTests(BrowserFixture fixture)
{
    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    [Fact]
    public async Task Half_an_application_survives_stopping_and_starting_the_app()
    {
        var folder = TestApp.NewFolder();
        try
        {
            // The first "process": its own app on a database file the second one will reuse.
            var first = new TestApp(demoData: true, folder: folder);
            try
            {
                var page = await fixture.NewPageAsync(first.StartKestrel());
                await page.LoginAsync(DemoUsers.Mbu, "/cases/new");
                await Field(page, "Projektets titel *").FillAsync("Halvt skrevet ansøgning");
                await Field(page, "Kort resumé *").FillAsync("Det her må ikke gå tabt ved en genstart.");
                await Field(page, "Kort resumé *").BlurAsync();
                await Assertions.Expect(page.Locator("[data-autosave-status]")).ToContainTextAsync("Kladde gemt kl.");
                await page.Context.CloseAsync();
            }
            finally
            {
                // In-process host disposal stands in for stopping the app process: the circuit, its
                // memory and Kestrel are gone; only the database file is left.
                await first.DisposeAsync();
            }

            await using var second = new TestApp(demoData: true, folder: folder);
            var again = await fixture.NewPageAsync(second.StartKestrel());
            await again.LoginAsync(DemoUsers.Mbu, "/cases/new");

            var offer = again.Locator("[data-draft-offer]");
            await Assertions.Expect(offer).ToContainTextAsync("Du har en kladde fra");
            await Assertions.Expect(offer).ToContainTextAsync("Halvt skrevet ansøgning");
            await offer.GetByRole(AriaRole.Link, new() { Name = "fortsæt" }).ClickAsync();
            await Assertions.Expect(Field(again, "Projektets titel *")).ToHaveValueAsync("Halvt skrevet ansøgning");
            await Assertions.Expect(Field(again, "Kort resumé *")).ToHaveValueAsync("Det her må ikke gå tabt ved en genstart.");
            await again.Context.CloseAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection; the temp folder is cleaned by the OS.
            }
        }
    }
}

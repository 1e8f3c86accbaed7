using InnovationCases.Features.Notifications;
using InnovationCases.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace InnovationCases.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class NotificationPagesTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Department_staff_see_and_save_their_notification_choices_without_serious_accessibility_violations()
    {
        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Mso, "/settings/notifications");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifikationer");
        var settings = page.Locator("[data-testid='notification-settings']");
        await Assertions.Expect(settings).ToContainTextAsync("En sag i min afdeling flytter fase");
        await Assertions.Expect(settings).Not.ToContainTextAsync("vurdering");
        await page.AssertNoSeriousAxeViolationsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Gem valg" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Dine valg er gemt.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_admin_resends_a_parked_email_on_the_mail_page_without_serious_accessibility_violations()
    {
        var recipient = $"parkeret-{Guid.NewGuid():N}@aarhus.example";
        long id;
        await using (var db = await fixture.App.DbAsync())
        {
            var row = new OutboxMessage
            {
                RecipientUserId = "x",
                RecipientEmail = recipient,
                Kind = NotificationKind.CaseMoved,
                BodyId = "",
                Body = new NotificationBody
                {
                    Id = NotificationBody.NewId(),
                    Subject = "INNO-2026-0001 Parkeret: flyttet til Screenet",
                    Detail = "t",
                    TextBody = "t",
                    HtmlBody = "<p>t</p>",
                    DigestLine = "d",
                    LinkPath = "cases/INNO-2026-0001",
                },
                Status = OutboxStatus.Parked,
                Attempts = 1,
                LastError = "550 mailbox unavailable",
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
            };
            db.Outbox.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        var page = await fixture.NewPageAsync();
        await page.LoginAsync(DemoUsers.Admin, "/admin/mail");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("E-mail der ikke kunne sendes");
        var line = page.Locator($"tr[data-outbox-id='{id}']");
        await Assertions.Expect(line).ToContainTextAsync(recipient);
        await page.AssertNoSeriousAxeViolationsAsync();

        await line.GetByRole(AriaRole.Button, new() { Name = $"Send igen til {recipient}" }).ClickAsync();
        await Assertions.Expect(line).ToHaveCountAsync(0);
        await using var check = await fixture.App.DbAsync();
        Assert.Equal(OutboxStatus.Pending, (await check.Outbox.SingleAsync(m => m.Id == id)).Status);
    }
}

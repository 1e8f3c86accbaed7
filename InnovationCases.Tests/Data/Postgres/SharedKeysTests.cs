using System.Net;
using InnovationCases.Data;
using InnovationCases.Tests.Features.Account;
using InnovationCases.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Tests.Data.Postgres;

public sealed class SharedKeysTests
{
    [Fact]
    public async Task A_sign_in_cookie_from_one_instance_works_on_another_on_the_same_database()
    {
        var database = PostgresTemplate.CreateDatabase();
        try
        {
            using var a = new TestApp(demoData: true, postgresDatabase: database);
            using var clientA = LoginForm.Client(a);
            var login = await LoginForm.PostAsync(clientA, DemoUsers.Caseworker, DemoUsers.Password);
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            var cookies = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
            Assert.Contains(cookies, c => c.StartsWith("InnovationCases.Auth=", StringComparison.Ordinal));

            using var b = new TestApp(demoData: true, postgresDatabase: database);
            using var clientB = b.CreateClient(new WebApplicationFactoryClientOptions
            {
                AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false,
            });
            using var withCookie = new HttpRequestMessage(HttpMethod.Get, "/board");
            withCookie.Headers.Add("Cookie", string.Join("; ", cookies));
            var board = await clientB.SendAsync(withCookie);
            var anonymous = await clientB.GetAsync("/board");

            Assert.Equal(HttpStatusCode.OK, board.StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            await using var db = await b.DbAsync();
            Assert.Single(await db.DataProtectionKeys.ToListAsync());
        }
        finally
        {
            PostgresServer.Shared.DropDatabase(database);
        }
    }
}

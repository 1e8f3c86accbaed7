using InnovationCases.Data;
using InnovationCases.Domain;
using InnovationCases.Domain.Workflow;
using InnovationCases.Features.Moves;
using InnovationCases.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace InnovationCases.Tests.Data.Postgres;

public sealed class PostgresModelTests
{
    [Fact]
    public async Task Two_hosts_on_PostgreSQL_in_one_process_share_one_model_so_compiled_queries_run_on_both()
    {
        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var app = new TestApp(provider: DatabaseProvider.Postgres);
            var c = await Arrange.CaseAsync(app, Stage.Submitted);
            var caseworker = await app.ActorAsync(DemoUsers.Caseworker);

            var result = await app.AppServices.GetRequiredService<CaseWorkflowService>().FireAsync(c.CaseNumber, new ScreenData(), caseworker, c.Version);

            Assert.IsType<MoveResult.Moved>(result);
        }
    }
}

using InnovationCases.Data;
using InnovationCases.Tests.Features.Account.SignIn;
using InnovationCases.Tests.Features.Board;
using InnovationCases.Tests.Features.Cases;
using InnovationCases.Tests.Features.Cases.Grid;
using InnovationCases.Tests.Features.Cases.Intake;
using InnovationCases.Tests.Features.Dashboard;
using InnovationCases.Tests.Features.Delivery;
using InnovationCases.Tests.Features.Learnings;
using InnovationCases.Tests.Features.Moves;
using InnovationCases.Tests.Features.Notifications;
using InnovationCases.Tests.Features.Public;
using InnovationCases.Tests.Features.Reports;
using InnovationCases.Tests.Features.Rounds;

// The provider matrix, in one place on purpose (against one type per file): each class below runs
// every test of the class it derives from once more, on a fresh database on the run's PostgreSQL
// server. Its fixture is the SQLite fixture's type with the provider given; the test code is shared.
// A test class joins by becoming unsealed and getting one line here (its fixture: one protected
// constructor that takes the provider).
namespace InnovationCases.Tests.Data.Postgres;

public sealed class PostgresCasesApp() : CasesAppFixture(DatabaseProvider.Postgres);

public sealed class PostgresBoardApp() : BoardAppFixture(DatabaseProvider.Postgres);

public sealed class PostgresKnownDataSet() : KnownDataSet(DatabaseProvider.Postgres);

public sealed class PostgresPublicApp() : PublicAppFixture(DatabaseProvider.Postgres);

public sealed class PostgresGeneratedDataSet() : GeneratedDataSet(DatabaseProvider.Postgres);

public sealed class PostgresWorkflowApp() : CaseWorkflowServiceTests.App(DatabaseProvider.Postgres);

public sealed class PostgresPlannerApp() : NotificationPlannerTests.App(DatabaseProvider.Postgres);

public sealed class PostgresFanOutApp() : NotificationFanOutTests.App(DatabaseProvider.Postgres);

public sealed class PostgresRankingBank() : LearningsRankingTests.Bank(DatabaseProvider.Postgres);

public sealed class CaseWorkflowServiceOnPostgresTests(PostgresWorkflowApp app) : CaseWorkflowServiceTests(app), IClassFixture<PostgresWorkflowApp>;

public sealed class IntakeServiceOnPostgresTests(PostgresCasesApp fixture) : IntakeServiceTests(fixture), IClassFixture<PostgresCasesApp>;

public sealed class CaseEditServiceOnPostgresTests(PostgresCasesApp fixture) : CaseEditServiceTests(fixture), IClassFixture<PostgresCasesApp>;

public sealed class BoardServiceOnPostgresTests(PostgresBoardApp fixture) : BoardServiceTests(fixture), IClassFixture<PostgresBoardApp>;

public sealed class CaseGridServiceOnPostgresTests(PostgresCasesApp fixture) : CaseGridServiceTests(fixture), IClassFixture<PostgresCasesApp>;

public sealed class NotificationPlannerOnPostgresTests(PostgresPlannerApp app) : NotificationPlannerTests(app), IClassFixture<PostgresPlannerApp>;

public sealed class NotificationFanOutOnPostgresTests(PostgresFanOutApp app) : NotificationFanOutTests(app), IClassFixture<PostgresFanOutApp>;

public sealed class DeliveryServiceOnPostgresTests(PostgresCasesApp fixture) : DeliveryServiceTests(fixture), IClassFixture<PostgresCasesApp>;

public sealed class RoundServiceOnPostgresTests(PostgresCasesApp fixture) : RoundServiceTests(fixture), IClassFixture<PostgresCasesApp>;

public sealed class LearningsServiceOnPostgresTests(PostgresCasesApp fixture) : LearningsServiceTests(fixture), IClassFixture<PostgresCasesApp>;

public sealed class LearningsRankingOnPostgresTests(PostgresRankingBank bank) : LearningsRankingTests(bank), IClassFixture<PostgresRankingBank>;

public sealed class PublicPagesOnPostgresTests(PostgresPublicApp fixture) : PublicPagesTests(fixture), IClassFixture<PostgresPublicApp>;

public sealed class DashboardAggregatesOnPostgresTests(PostgresKnownDataSet data) : DashboardAggregatesTests(data), IClassFixture<PostgresKnownDataSet>;

public sealed class DashboardRecomputationOnPostgresTests(PostgresGeneratedDataSet data) : DashboardRecomputationTests(data), IClassFixture<PostgresGeneratedDataSet>;

public sealed class DecisionWaitOnPostgresTests(PostgresWorkflowApp app) : DecisionWaitTests(app), IClassFixture<PostgresWorkflowApp>;

public sealed class ReportServiceOnPostgresTests(PostgresKnownDataSet data) : ReportServiceTests(data), IClassFixture<PostgresKnownDataSet>;

public sealed class ReportExportOnPostgresTests(PostgresKnownDataSet data) : ReportExportTests(data), IClassFixture<PostgresKnownDataSet>;

public sealed class SignInOnPostgresTests() : SignInTests(DatabaseProvider.Postgres);

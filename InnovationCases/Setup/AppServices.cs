using System.Globalization;
using InnovationCases.Data;
using InnovationCases.Features.Account;
using InnovationCases.Features.Adoptions;
using InnovationCases.Features.Account.Oidc;
using InnovationCases.Features.Account.SignIn;
using InnovationCases.Features.Admin;
using InnovationCases.Features.Assignments;
using InnovationCases.Features.Board;
using InnovationCases.Features.CaseChanges;
using InnovationCases.Features.Cases;
using InnovationCases.Features.Cases.Assessments;
using InnovationCases.Features.Cases.Effects;
using InnovationCases.Features.Cases.Grid;
using InnovationCases.Features.Cases.Intake;
using InnovationCases.Features.Drafts;
using InnovationCases.Features.Cases.Page;
using InnovationCases.Features.Delivery;
using InnovationCases.Domain.Delivery;
using InnovationCases.Features.Dashboard;
using InnovationCases.Features.Learnings;
using InnovationCases.Features.Live;
using InnovationCases.Features.Moves;
using InnovationCases.Features.MyCases;
using InnovationCases.Features.Notifications;
using InnovationCases.Features.PersonalData;
using InnovationCases.Features.Rounds;
using InnovationCases.Features.Public;
using InnovationCases.Features.Stories;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;

namespace InnovationCases.Setup;

public static class AppServices
{
    public static WebApplicationBuilder AddInnovationCases(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Danish everywhere: numbers, money and dates in da-DK.
        var danish = CultureInfo.GetCultureInfo("da-DK");
        CultureInfo.DefaultThreadCurrentCulture = danish;
        CultureInfo.DefaultThreadCurrentUICulture = danish;
        services.AddLocalization();

        // Blazor and MudBlazor
        // Long application texts (a description may be 20,000 characters) arrive in one message.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = 256 * 1024);
        services.AddMudServices(o =>
        {
            // Top centre: at the bottom a message would cover the board's lowest cards, where a drag may aim.
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            o.SnackbarConfiguration.VisibleStateDuration = 6000;
        });

        // Data
        services.AddSingleton(TimeProvider.System);
        services.AddAppDatabase(builder.Configuration, builder.Environment);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // Keys, proxy, secure cookies, HSTS
        services.AddHostingSecurity(builder.Configuration, builder.Environment);

        // Sign-in and roles
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();
        services.AddScoped<CurrentActor>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOidcSignIn(builder.Configuration);
        services.AddAuthorization();
        // The cookie re-reads the user (security stamp) every minute: a deactivated user's or an
        // old role's cookie stops working for new requests as fast as open circuits are revalidated.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                // Short and late: the rate limits slow guessing; a lockout a stranger can trigger must not last.
                o.Lockout.MaxFailedAccessAttempts = 10;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<AppSignInManager>()
            .AddClaimsPrincipalFactory<AppClaimsPrincipalFactory>()
            .AddErrorDescriber<DanishIdentityErrorDescriber>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.Cookie.Name = "InnovationCases.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });
        services.AddSignInProtection(builder.Configuration);

        // Features
        services.AddSingleton<CaseChangeNotifier>();
        services.AddCaseChangeRelay(builder.Configuration);
        services.AddSingleton<CaseChangePipeline>();
        services.AddSingleton<CaseWorkflowService>();
        services.AddScoped<MoveRunner>();
        builder.AddDashboard();
        services.AddScoped<AdminGuard>();
        services.AddScoped<AdminAudit>();
        services.AddScoped<AdminUserManagers>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<DepartmentAdmin>();
        services.AddScoped<BudgetAdmin>();
        services.AddScoped<StarterSetupAdmin>();
        services.AddScoped<ExternalUserLinker>();
        builder.AddPersonalData();
        services.AddBoard(builder.Configuration);

        // E-mail notifications: outbox, dispatcher, daily reminders and digests
        builder.AddNotifications();

        // Applications, the case page, the grid, "Mine sager" and the knowledge bank
        services.AddSingleton<IntakeService>();
        services.AddSingleton<TextDraftService>();
        services.Configure<AutosaveOptions>(builder.Configuration.GetSection("Autosave"));
        services.AddSingleton<CaseEditService>();
        services.AddSingleton<CaseDetailsService>();
        services.AddSingleton<AssessmentService>();
        services.AddSingleton<EffectReportService>();
        services.AddSingleton<CaseGridService>();
        services.AddSingleton<MyCasesService>();
        services.AddSingleton<LearningsService>();

        // After the grant: indicators, milestones, payments, reports due and fail-fast signals
        services.Configure<DeliveryOptions>(builder.Configuration.GetSection(DeliveryOptions.Section));
        services.AddSingleton<DeliveryService>();
        services.AddSingleton<DeliveryReader>();
        services.AddSingleton<DeliveryOverviewReader>();
        // Rounds, assessor and advisory assignments, internal notes (issue 13)
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<AssignmentReader>();
        services.AddSingleton<BulkAssignmentService>();
        services.AddSingleton<RoundService>();
        services.AddSingleton<InnovationCases.Features.Notes.NoteService>();
        services.AddSingleton<InnovationCases.Features.Notes.NoteReader>();
        // Spreading what works: adoptions, stories and the public pages (cached, evicted by case changes)
        services.AddSingleton<AdoptionService>();
        services.AddSingleton<StoryService>();
        services.AddSingleton<PublicProjects>();
        services.AddOutputCache(PublicCache.AddPolicy);
        services.AddHostedService<PublicCache>();

        return builder;
    }
}

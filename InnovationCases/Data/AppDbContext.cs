using InnovationCases.Domain;
using InnovationCases.Domain.Delivery;
using InnovationCases.Features.Notifications;
using InnovationCases.Features.StageStats;
using InnovationCases.Domain.Assignments;
using InnovationCases.Domain.Rounds;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace InnovationCases.Data;

/// <summary>The model, and the SQLite context (its migrations are Data/Migrations); <see cref="PostgresAppDbContext"/> is the PostgreSQL one.</summary>
public class AppDbContext : IdentityDbContext<AppUser>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type (its own migration set).</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Department> Departments => Set<Department>();
    public DbSet<BudgetYear> BudgetYears => Set<BudgetYear>();
    public DbSet<Pool> Pools => Set<Pool>();
    public DbSet<InnovationCase> Cases => Set<InnovationCase>();
    public DbSet<CasePartnerDepartment> CasePartnerDepartments => Set<CasePartnerDepartment>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<EffectReport> EffectReports => Set<EffectReport>();
    public DbSet<CaseAssignment> CaseAssignments => Set<CaseAssignment>();
    public DbSet<ApplicationRound> Rounds => Set<ApplicationRound>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<ApplicationDraft> Drafts => Set<ApplicationDraft>();
    public DbSet<TextDraft> TextDrafts => Set<TextDraft>();
    public DbSet<AdminAuditEntry> AdminAudit => Set<AdminAuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<NotificationBody> NotificationBodies => Set<NotificationBody>();
    public DbSet<PendingFanOut> PendingFanOuts => Set<PendingFanOut>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<Adoption> Adoptions => Set<Adoption>();
    public DbSet<Story> Stories => Set<Story>();
    public DbSet<StageDay> StageDays => Set<StageDay>();
    public DbSet<PendingStageDay> PendingStageDays => Set<PendingStageDay>();

    /// <summary>The keys that sign cookies and antiforgery tokens: kept with the data, shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => Conventions(configurationBuilder);

    /// <summary>The conventions of the model, shared with <see cref="NotificationsDbContext"/>.</summary>
    internal static void Conventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums as their names: readable in the file, and adding a value never renumbers rows.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary>
    /// Whether the notifications' tables live in a file of their own (<see cref="NotificationsFile"/>,
    /// SQLite): then this context's migrations leave them to <see cref="NotificationsDbContext"/>'s.
    /// </summary>
    protected virtual bool NotificationsInOwnFile => true;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        if (NotificationsInOwnFile)
        {
            builder.Entity<OutboxMessage>().ToTable(t => t.ExcludeFromMigrations());
            builder.Entity<NotificationBody>().ToTable(t => t.ExcludeFromMigrations());
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BeforeSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BeforeSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The audit trail is append-only, and every saved change to a case bumps its version, which is
    /// the concurrency token (SQLite has no row version of its own).
    /// </summary>
    private void BeforeSave()
    {
        foreach (var entry in ChangeTracker.Entries<CaseEvent>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Case events are immutable.");
            }
        }

        foreach (var entry in ChangeTracker.Entries<InnovationCase>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = entry.OriginalValues.GetValue<int>(nameof(InnovationCase.Version)) + 1;
            }
        }
    }
}

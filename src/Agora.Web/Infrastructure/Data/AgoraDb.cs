using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Email;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Agora.Web.Infrastructure.Data;

/// <summary>
/// The one database of the platform. Provider-specific subclasses (<see cref="SqliteAgoraDb"/>,
/// <see cref="PostgresAgoraDb"/>) exist only so that each provider has its own migration set.
/// </summary>
public abstract class AgoraDb(DbContextOptions options)
    : IdentityDbContext<AgoraUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC in the database; SQLite forgets the kind on the way back.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AgoraDb).Assembly, t => !t.IsAbstract);
    }
}

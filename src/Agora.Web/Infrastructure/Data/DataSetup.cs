using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Agora.Web.Infrastructure.Data;

public static class DataSetup
{
    public const string DefaultSqlite = "Data Source=data/agora.db";

    /// <summary>Registers AgoraDb on the configured provider and keeps data-protection keys in it.</summary>
    public static WebApplicationBuilder AddAgoraData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Agora:Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton(options);
        var connectionString = builder.Configuration.GetConnectionString("Agora");

        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Agora__Database__Provider is Postgres but ConnectionStrings__Agora is empty.");
            // Pooled: a request takes a ready context instead of building one (the options, interceptors included, are
            // built once; the interceptors are singletons). EF resets a context before it goes back to the pool.
            builder.Services.AddDbContextPool<PostgresAgoraDb>((sp, o) => o
                .UseNpgsql(connectionString, n => n.MigrationsHistoryTable("__EFMigrationsHistory"))
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            builder.Services.AddScoped<AgoraDb>(sp => sp.GetRequiredService<PostgresAgoraDb>());
        }
        else
        {
            var sqlite = ResolveSqlite(connectionString ?? DefaultSqlite, builder.Environment.ContentRootPath);
            builder.Services.AddDbContextPool<SqliteAgoraDb>((sp, o) => o
                .UseSqlite(sqlite)
                .AddInterceptors(sp.GetServices<IInterceptor>())
                .AddInterceptors(new SqliteConnectionSetup(options.SqliteSynchronous)));
            builder.Services.AddScoped<AgoraDb>(sp => sp.GetRequiredService<SqliteAgoraDb>());
        }

        builder.Services.AddScoped<CounterRepair>();
        // The key ring is shared by every node through the database. With a certificate configured, each key is
        // encrypted with it before it is stored, so a copy of the database alone does not reveal the keys that sign
        // cookies and antiforgery tokens (docs/operations.md says how to make one).
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("Agora")
            .PersistKeysToDbContext<AgoraDb>();
        if (builder.Configuration["Agora:DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath, builder.Configuration["Agora:DataProtection:CertificatePassword"]);
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        return builder;
    }

    /// <summary>
    /// A relative SQLite file is placed under the content root, and its folder is created,
    /// so that `dotnet run` works from any working directory on a fresh clone.
    /// </summary>
    internal static string ResolveSqlite(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        var source = csb.DataSource;
        var inMemory = source == ":memory:" || csb.Mode == SqliteOpenMode.Memory
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        if (!inMemory && !string.IsNullOrEmpty(source))
        {
            if (!Path.IsPathRooted(source))
                csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, source));
            Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        }
        return csb.ToString();
    }
}

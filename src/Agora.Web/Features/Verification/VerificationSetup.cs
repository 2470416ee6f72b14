namespace Agora.Web.Features.Verification;

public static class VerificationSetup
{
    /// <summary>Resident verification: the census and in-person methods, per-action requirements, census import.</summary>
    public static IServiceCollection AddVerification(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<VerificationOptions>(config.GetSection("Agora:Verification"));
        services.AddScoped<VerificationService>();
        services.AddScoped<Imports.IImportHandler, CensusImport>();
        services.AddMemoryCache();
        services.AddSingleton<VerificationRequirementWatch>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<VerificationRequirementWatch>());
        services.AddSingleton<IVerificationMethod, CensusMethod>();
        services.AddSingleton<IVerificationMethod, InPersonMethod>();
        services.AddScoped<Infrastructure.Identity.IPersonalDataSource, VerificationPersonalData>();
        return services;
    }
}

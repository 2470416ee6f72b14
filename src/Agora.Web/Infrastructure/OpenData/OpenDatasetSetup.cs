namespace Agora.Web.Infrastructure.OpenData;

public static class OpenDatasetSetup
{
    /// <summary>Registers a dataset: it appears on /open-data, in the catalogue, and the worker keeps its files. One
    /// line in the setup of the module that owns the data; the open-data hub names no module's dataset.</summary>
    public static IServiceCollection AddOpenDataset<T>(this IServiceCollection services) where T : class, IOpenDataset =>
        services.AddSingleton<IOpenDataset, T>();
}

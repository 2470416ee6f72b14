using Agora.Web.Infrastructure.Cli;

namespace Agora.Web.Infrastructure.Scale;

/// <summary><c>seed scale --size small|city [--manifest FILE]</c>: the generated city for the benchmarks.</summary>
public sealed class SeedScaleCommand : ICliCommand
{
    public IReadOnlyList<string> Words { get; } = ["seed", "scale"];

    public async Task<int> RunAsync(IServiceProvider services, string[] command, TextWriter output, TextWriter error, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(error);
        var i = Array.FindIndex(command, a => a == "--size");
        var name = i >= 0 && i + 1 < command.Length ? command[i + 1] : "small";
        if (ScaleSize.Named(name) is not { } size)
        {
            await error.WriteLineAsync($"Unknown size '{name}': use --size small or --size city.");
            return 2;
        }
        await CommandLine.MigrateAsync(services, ct);
        var m = Array.FindIndex(command, a => a == "--manifest");
        var manifest = m >= 0 && m + 1 < command.Length ? command[m + 1] : null;
        return await services.GetRequiredService<ScaleSeed>().RunAsync(size, output, ct, manifest);
    }
}

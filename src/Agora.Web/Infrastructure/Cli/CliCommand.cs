namespace Agora.Web.Infrastructure.Cli;

/// <summary>
/// A subcommand a module adds to the executable (<c>search rebuild</c>, <c>seed scale</c>): it runs in a scope of the
/// built host, with the module's services. Register it in the module's setup with
/// <c>services.AddCliCommand&lt;T&gt;()</c>; the command line itself names no module.
/// </summary>
public interface ICliCommand
{
    /// <summary>The words that select it, e.g. ["search", "rebuild"]; the first must be one of
    /// <see cref="CommandLine"/>'s command words, so that the host knows to run a command instead of serving.</summary>
    IReadOnlyList<string> Words { get; }

    /// <summary>Runs the command; the exit code is returned to the shell. <paramref name="command"/> is every word.</summary>
    Task<int> RunAsync(IServiceProvider services, string[] command, TextWriter output, TextWriter error, CancellationToken ct);
}

public static class CliCommandSetup
{
    public static IServiceCollection AddCliCommand<T>(this IServiceCollection services) where T : class, ICliCommand =>
        services.AddSingleton<ICliCommand, T>();
}

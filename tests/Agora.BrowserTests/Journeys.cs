namespace Agora.BrowserTests;

/// <summary>What the journeys share.</summary>
public static class Journeys
{
    public const string Password = "a long pass phrase for Sofia";

    /// <summary>The name a run's evidence goes under: journey, language and way.</summary>
    public static string Name(string journey, string culture, Way way) => $"{journey}-{culture}-{way}".ToLowerInvariant();
}

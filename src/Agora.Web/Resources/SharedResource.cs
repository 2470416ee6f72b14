namespace Agora.Web.Resources;

/// <summary>
/// Marker for the shared strings: SharedResource.resx holds Bulgarian (the neutral, default language),
/// SharedResource.en.resx English. A test fails when a key is missing from either.
/// </summary>
public sealed class SharedResource;

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Infrastructure.Localization;

/// <summary>
/// Remembers every string it has looked up, per culture. A page reads dozens of strings; through the resource manager
/// each read takes a lock and walks the culture's resource set, which showed up in the benchmark's profiles on every
/// page. The resources are compiled into the assembly and never change while the app runs, so the cache never expires.
/// </summary>
public sealed class CachedStringLocalizerFactory(ResourceManagerStringLocalizerFactory inner) : IStringLocalizerFactory
{
    private readonly ConcurrentDictionary<string, IStringLocalizer> byName = new(StringComparer.Ordinal);

    public IStringLocalizer Create(Type resourceSource) =>
        byName.GetOrAdd(resourceSource.FullName ?? resourceSource.Name, _ => new CachedStringLocalizer(inner.Create(resourceSource)));

    public IStringLocalizer Create(string baseName, string location) =>
        byName.GetOrAdd(baseName + "|" + location, _ => new CachedStringLocalizer(inner.Create(baseName, location)));
}

public sealed class CachedStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> strings = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            return strings.TryGetValue(key, out var found) ? found : strings.GetOrAdd(key, inner[name]);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            // As ResourceManagerStringLocalizer does: the format from the UI culture, the arguments in the culture.
            var format = this[name];
            var value = string.Format(CultureInfo.CurrentCulture, format.Value, arguments);
            return new LocalizedString(name, value, format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}

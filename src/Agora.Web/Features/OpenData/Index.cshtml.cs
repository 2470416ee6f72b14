using Agora.Web.Infrastructure.Localization;
using Agora.Web.Infrastructure.OpenData;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.OpenData;

/// <summary>A dataset as the page lists it, with its files if generated yet.</summary>
public sealed record DatasetView(IOpenDataset Dataset, OpenDataFile? Csv, OpenDataFile? Json);

/// <summary>The open-data page: every dataset, its columns, licence, frequency, last update and size. No database
/// query: everything comes from the registered datasets and their files.</summary>
public sealed class IndexModel(OpenDataStore store) : PageModel
{
    public IReadOnlyList<DatasetView> Datasets { get; private set; } = [];

    public void OnGet() =>
        Datasets = store.Datasets.Select(d => new DatasetView(d, store.Existing(d, OpenDataFormat.Csv), store.Existing(d, OpenDataFormat.Json))).ToList();

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => Format.Number(bytes) + " B",
        < 1024 * 1024 => Format.Number((bytes + 512) / 1024) + " KB",
        _ => (bytes / 1024d / 1024d).ToString("0.0", System.Globalization.CultureInfo.CurrentCulture) + " MB",
    };
}

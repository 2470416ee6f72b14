namespace Agora.Web.Infrastructure.Web;

/// <summary>A page of a list: the items, and enough to draw "previous/next" without counting twice.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    /// <summary>Page numbers from the query string: at least 1, and not absurdly large.</summary>
    public static int Clamp(int page) => page < 1 ? 1 : Math.Min(page, 100_000);
}

/// <summary>What the shared pager partial needs: where we are and how to link to a page number.</summary>
public sealed record PagerModel(int Page, int Pages, string Path, IDictionary<string, string?> Query)
{
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;

    public string Link(int page)
    {
        var q = new Dictionary<string, string?>(Query.Where(kv => !string.IsNullOrEmpty(kv.Value))) { ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path, q);
    }
}

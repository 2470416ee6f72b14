using Agora.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Agora.Web.Features.News;

/// <summary>All news the reader may see, newest first: two queries (count, page) plus one for the "new post" link.</summary>
public sealed class IndexModel(NewsAccess news) : PageModel
{
    public const int PageSize = 10;

    // From the query only: "page" is also the route value naming the Razor Page, which would win.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<NewsCard> Result { get; private set; } = new([], 1, PageSize, 0);
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Result = await news.PageAsync(news.Visible(User), PageNumber, PageSize, ct);
        CanWrite = await news.CanWriteAnyAsync(User, ct);
    }
}

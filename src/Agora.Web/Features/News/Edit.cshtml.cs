using System.ComponentModel.DataAnnotations;
using Agora.Web.Features.Following;
using Agora.Web.Features.Processes;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Text;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.News;

/// <summary>
/// Write (/news/new) and change (/news/{slug}/edit) a post, publish or withdraw it. Site administrators may do so
/// with any post; process administrators with the posts of their processes. A new post starts as a draft.
/// </summary>
[Authorize]
public sealed class EditModel(
    AgoraDb db, NewsAccess news, ProcessAccess processes, FollowerMail followers, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Slugs that are pages of their own under /news.</summary>
    private static readonly string[] Reserved = ["new"];

    [BindProperty]
    public PostInput Input { get; set; } = new();

    public NewsPost? Post { get; private set; }
    public IEnumerable<SelectListItem> ProcessItems { get; private set; } = [];
    public string CancelUrl => Post != null ? "/news/" + Post.Slug : "/news";

    public sealed class PostInput
    {
        [Display(Name = "News.Field.Process")]
        public Guid? ProcessId { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "News.Field.TitleBg")]
        public string TitleBg { get; set; } = "";

        [StringLength(300, ErrorMessage = V.MaxLength), Display(Name = "News.Field.TitleEn")]
        public string? TitleEn { get; set; }

        [StringLength(2000, ErrorMessage = V.MaxLength), Display(Name = "News.Field.LeadBg")]
        public string? LeadBg { get; set; }

        [StringLength(2000, ErrorMessage = V.MaxLength), Display(Name = "News.Field.LeadEn")]
        public string? LeadEn { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(100000, ErrorMessage = V.MaxLength), Display(Name = "News.Field.BodyBg")]
        public string BodyBg { get; set; } = "";

        [StringLength(100000, ErrorMessage = V.MaxLength), Display(Name = "News.Field.BodyEn")]
        public string? BodyEn { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(200, ErrorMessage = V.MaxLength), Display(Name = "News.Field.Author")]
        public string AuthorName { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(string? slug, string? process, CancellationToken ct)
    {
        if (slug != null)
        {
            if (!await LoadAsync(slug, ct))
                return NotFound();
            Input = new PostInput
            {
                ProcessId = Post!.ProcessId,
                TitleBg = Post.Title.Bg,
                TitleEn = Post.Title.En,
                LeadBg = Post.Lead.Bg,
                LeadEn = Post.Lead.En,
                BodyBg = Post.Body.Bg,
                BodyEn = Post.Body.En,
                AuthorName = Post.AuthorName,
            };
        }
        else
        {
            if (!await news.CanWriteAnyAsync(User, ct))
                return Forbid();
            Input.AuthorName = User.FindFirst(AgoraClaimsFactory.DisplayName)?.Value ?? "";
            if (process != null)
                Input.ProcessId = await processes.ManagedIds(User).Join(db.Set<Process>().Where(p => p.Slug == process), id => id, p => p.Id, (id, p) => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug, CancellationToken ct)
    {
        if (slug != null && !await LoadAsync(slug, ct))
            return NotFound();
        if (slug == null && !await news.CanWriteAnyAsync(User, ct))
            return Forbid();
        if (!await news.CanManageAsync(User, Input.ProcessId, ct))
            ModelState.AddModelError("Input.ProcessId", l["News.Field.ProcessNotYours"]);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var post = Post;
        if (post == null)
        {
            post = new NewsPost
            {
                AuthorId = User.UserId(),
                CreatedAt = now,
                Slug = await Slugs.UniqueAsync(Input.TitleBg,
                    async s => Reserved.Contains(s) || await db.Set<NewsPost>().AnyAsync(p => p.Slug == s, ct), "novina"),
            };
            db.Add(post);
        }
        post.ProcessId = Input.ProcessId;
        post.Title = new(Input.TitleBg.Trim(), Input.TitleEn?.Trim() ?? "");
        post.Lead = new(Input.LeadBg?.Trim() ?? "", Input.LeadEn?.Trim() ?? "");
        post.Body = new(Input.BodyBg.Trim(), Input.BodyEn?.Trim() ?? "");
        post.AuthorName = Input.AuthorName.Trim();
        post.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["News.Saved"].Value;
        return Redirect($"/news/{post.Slug}/edit");
    }

    public async Task<IActionResult> OnPostPublishAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        var post = Post!;
        var now = clock.GetUtcNow().UtcDateTime;
        post.Published = true;
        post.PublishedAt ??= now;
        post.UpdatedAt = now;
        // Followers hear about a post once, at its first publication, in the same unit of work.
        // (Only once the process itself is public: a draft process's followers are not told of what they cannot open.)
        if (post.ProcessId is Guid pid && post.FollowersNotifiedAt == null
            && await db.Set<Process>().AnyAsync(p => p.Id == pid && p.Published, ct))
        {
            await followers.TellAsync(pid, "Following.Mail.NewPost", post.Title, _ => post.Lead.Current, "/news/" + post.Slug, ct);
            post.FollowersNotifiedAt = now;
        }
        audit.Record(User, "news.publish", "news", post.Id.ToString(), post.Slug);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["News.PublishedStatus"].Value;
        return Redirect($"/news/{post.Slug}");
    }

    public async Task<IActionResult> OnPostUnpublishAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct))
            return NotFound();
        Post!.Published = false;
        Post.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(User, "news.unpublish", "news", Post.Id.ToString(), Post.Slug);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = l["News.UnpublishedStatus"].Value;
        return Redirect($"/news/{Post.Slug}/edit");
    }

    /// <summary>The post, if the person manages it; anyone else gets a 404, as if it did not exist.</summary>
    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var post = await db.Set<NewsPost>().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (post == null || !await news.CanManageAsync(User, post.ProcessId, ct))
            return false;
        Post = post;
        return true;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var managed = processes.ManagedIds(User);
        var list = await db.Set<Process>().AsNoTracking().Where(p => managed.Contains(p.Id)).OrderByDescending(p => p.StartsOn)
            .Select(p => new { p.Id, p.Title.Bg, p.Title.En }).ToListAsync(ct);
        var items = list.Select(p => new SelectListItem(new LocalizedText(p.Bg, p.En).Current, p.Id.ToString())).ToList();
        if (User.IsAdministrator())
            items.Insert(0, new SelectListItem(l["News.Field.SiteWide"], ""));
        ProcessItems = items;
    }
}

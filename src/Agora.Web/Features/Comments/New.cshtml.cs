using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Comments;

/// <summary>Where every comment form posts. On success back to the thing; otherwise this page shows the form again,
/// with the reason and with what the person wrote.</summary>
[Authorize]
public sealed class NewModel(CommentService comments, Participants participants, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public CommentInput Input { get; set; } = new();

    public CommentTargetInfo? Target { get; private set; }
    public string? Refusal { get; private set; }

    public sealed class CommentInput
    {
        [Required] public string TargetType { get; set; } = "";
        public Guid TargetId { get; set; }
        public Guid? ParentId { get; set; }

        [Required(ErrorMessage = V.Required), StringLength(CommentService.MaxLength, ErrorMessage = V.MaxLength)]
        [Display(Name = "Comments.Field.Body")]
        public string Body { get; set; } = "";

        [Display(Name = "Comments.Field.Stance")]
        public Stance Stance { get; set; }
    }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var target = comments.Target(Input.TargetType);
        if (target == null)
            return NotFound();
        Target = await target.FindAsync(Input.TargetId, User, ct);
        if (Target == null)
            return NotFound();
        var (actor, refusal) = await participants.CheckAsync(User, ct);
        if (actor == null)
        {
            Refusal = refusal;
            return Page();
        }
        if (!Enum.IsDefined(Input.Stance))
            ModelState.AddModelError("Input.Stance", l["Validation.ValueInvalidPlain"]);
        if (!ModelState.IsValid)
            return Page();
        var (comment, error) = await comments.AddAsync(actor.Id, Input.TargetType, Input.TargetId, Target, Input.ParentId, Input.Body, Input.Stance, ct);
        if (comment == null)
        {
            Refusal = error;
            return Page();
        }
        TempData["Status"] = l["Comments.Published"].Value;
        return Redirect(Target.Url + "#comment-" + comment.Id);
    }
}

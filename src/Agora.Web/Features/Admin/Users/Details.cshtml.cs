using System.ComponentModel.DataAnnotations;
using Agora.Web.Infrastructure.Audit;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Identity;
using Agora.Web.Infrastructure.Web;
using Agora.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Agora.Web.Features.Admin.Users;

/// <summary>One person: roles and blocking. Every change is audit-logged in the same transaction.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DetailsModel(
    UserManager<AgoraUser> users, AgoraDb db, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public AgoraUser Person { get; private set; } = default!;
    public IList<string> PersonRoles { get; private set; } = [];

    [BindProperty]
    public BlockInput Block { get; set; } = new();

    public sealed class BlockInput
    {
        [Required(ErrorMessage = V.Required), StringLength(500, ErrorMessage = V.MaxLength), Display(Name = "Field.BlockReason")]
        public string Reason { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRoleAsync(Guid id, string role, bool grant)
    {
        ModelState.Clear();
        if (!await LoadAsync(id))
            return NotFound();
        if (!Roles.All.Contains(role))
            return BadRequest();
        if (Person.DeletedAt != null)
            return BadRequest();
        var has = PersonRoles.Contains(role);
        if (grant == has)
            return RedirectToPage(new { id });
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = grant ? await users.AddToRoleAsync(Person, role) : await users.RemoveFromRoleAsync(Person, role);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError("", e.Description);
            return Page();
        }
        // Checked after the change, inside the transaction: the platform never loses its last active administrator.
        if (!grant && role == Roles.Administrator && await LastAdministrator.ActiveAdministratorsAsync(db) == 0)
        {
            await tx.RollbackAsync();
            ModelState.AddModelError("", l["Admin.LastAdministrator"]);
            await LoadAsync(id);
            return Page();
        }
        // A changed role takes effect at the person's next request, not at their next sign-in.
        await users.UpdateSecurityStampAsync(Person);
        audit.Record(User, grant ? "user.role.grant" : "user.role.revoke", "user", id.ToString(), role);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        TempData["Status"] = l[grant ? "Admin.RoleGranted" : "Admin.RoleRevoked", l["Role." + role]].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostBlockAsync(Guid id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (Person.DeletedAt != null)
            return BadRequest();
        if (Person.Id.ToString() == users.GetUserId(User))
            ModelState.AddModelError("", l["Admin.CannotBlockSelf"]);
        if (!ModelState.IsValid)
            return Page();
        Person.BlockedAt = clock.GetUtcNow().UtcDateTime;
        Person.BlockedReason = Block.Reason.Trim();
        Person.LockoutEnabled = true;
        Person.LockoutEnd = DateTimeOffset.MaxValue;
        // A new stamp signs the person out everywhere at their next request.
        Person.SecurityStamp = Guid.NewGuid().ToString();
        audit.Record(User, "user.block", "user", id.ToString(), Person.BlockedReason);
        await db.SaveChangesAsync();
        TempData["Status"] = l["Admin.UserBlocked"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnblockAsync(Guid id)
    {
        ModelState.Clear();
        if (!await LoadAsync(id))
            return NotFound();
        if (Person.DeletedAt != null)
            return BadRequest();
        Person.BlockedAt = null;
        Person.BlockedReason = null;
        Person.LockoutEnd = null;
        Person.AccessFailedCount = 0;
        audit.Record(User, "user.unblock", "user", id.ToString());
        await db.SaveChangesAsync();
        TempData["Status"] = l["Admin.UserUnblocked"].Value;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var person = await db.Users.FirstOrDefaultAsync(u => u.Id == id);
        if (person == null)
            return false;
        Person = person;
        PersonRoles = await users.GetRolesAsync(person);
        return true;
    }
}

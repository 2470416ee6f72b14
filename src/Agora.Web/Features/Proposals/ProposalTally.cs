using Agora.Web.Features.Processes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Agora.Web.Features.Proposals;

/// <summary>
/// How many proposals of a process are in a state and not hidden: the stored count behind "N proposals" on a list
/// without a search, district or category. Counting 10,000 rows on every request was a third of the list's SQL time
/// at city size. Database triggers keep it (Infrastructure/Data/Migrations/ProposalTallyTriggers.cs, run by the Initial migrations), so every write path counts:
/// pages, moderation, erasure, the demo and the bulk generator alike.
/// </summary>
public sealed class ProposalTally
{
    public Guid ProcessId { get; set; }
    public ProposalState State { get; set; }
    public int Count { get; set; }
}

public sealed class ProposalTallyConfiguration : IEntityTypeConfiguration<ProposalTally>
{
    public void Configure(EntityTypeBuilder<ProposalTally> builder)
    {
        builder.HasKey(t => new { t.ProcessId, t.State });
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Process>().WithMany().HasForeignKey(t => t.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

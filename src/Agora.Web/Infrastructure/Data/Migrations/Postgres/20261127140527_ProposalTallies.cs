using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProposalTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProposalTally",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalTally", x => new { x.ProcessId, x.State });
                    table.ForeignKey(
                        name: "FK_ProposalTally_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The stored tallies of visible proposals per process and state: filled from the rows there, then kept by
            // triggers on every write to a proposal's process, state or visibility (Features/Proposals/ProposalTally.cs).
            migrationBuilder.Sql(Agora.Web.Features.Proposals.ProposalTallyTriggers.Backfill);
            foreach (var sql in Agora.Web.Features.Proposals.ProposalTallyTriggers.Postgres)
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Agora.Web.Features.Proposals.ProposalTallyTriggers.PostgresDown)
                migrationBuilder.Sql(sql);
            migrationBuilder.DropTable(
                name: "ProposalTally");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Workshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Need",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DescriptionBg = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    TitleBg = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Need", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Need_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedBallot",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedBallot", x => new { x.ProcessId, x.UserId });
                    table.ForeignKey(
                        name: "FK_NeedBallot_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedBallot_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedsSettings",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Eligibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedsSettings", x => x.ProcessId);
                    table.ForeignKey(
                        name: "FK_NeedsSettings_Event_EventId",
                        column: x => x.EventId,
                        principalTable: "Event",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_NeedsSettings_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SwotBoard",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: true),
                    DotsPerPerson = table.Column<int>(type: "integer", nullable: false),
                    Eligibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    TitleBg = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SwotBoard", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SwotBoard_Event_EventId",
                        column: x => x.EventId,
                        principalTable: "Event",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SwotBoard_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedProposal",
                columns: table => new
                {
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedProposal", x => new { x.NeedId, x.ProposalId });
                    table.ForeignKey(
                        name: "FK_NeedProposal_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedProposal_Proposal_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedVote",
                columns: table => new
                {
                    ProcessId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    Points = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedVote", x => new { x.ProcessId, x.UserId, x.NeedId });
                    table.CheckConstraint("CK_NeedVotes_Points", "\"Points\" BETWEEN 0 AND 100");
                    table.CheckConstraint("CK_NeedVotes_Rank", "\"Rank\" IS NULL OR (\"Rank\" BETWEEN 1 AND 5)");
                    table.ForeignKey(
                        name: "FK_NeedVote_NeedBallot_ProcessId_UserId",
                        columns: x => new { x.ProcessId, x.UserId },
                        principalTable: "NeedBallot",
                        principalColumns: new[] { "ProcessId", "UserId" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedVote_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SwotAllowance",
                columns: table => new
                {
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Used = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SwotAllowance", x => new { x.BoardId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SwotAllowance_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SwotAllowance_SwotBoard_BoardId",
                        column: x => x.BoardId,
                        principalTable: "SwotBoard",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SwotItem",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Quadrant = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SwotItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SwotItem_SwotBoard_BoardId",
                        column: x => x.BoardId,
                        principalTable: "SwotBoard",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SwotItem_SwotItem_MergedIntoId",
                        column: x => x.MergedIntoId,
                        principalTable: "SwotItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NeedSwotItem",
                columns: table => new
                {
                    NeedId = table.Column<Guid>(type: "uuid", nullable: false),
                    SwotItemId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NeedSwotItem", x => new { x.NeedId, x.SwotItemId });
                    table.ForeignKey(
                        name: "FK_NeedSwotItem_Need_NeedId",
                        column: x => x.NeedId,
                        principalTable: "Need",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NeedSwotItem_SwotItem_SwotItemId",
                        column: x => x.SwotItemId,
                        principalTable: "SwotItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SwotContribution",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SwotContribution", x => new { x.ItemId, x.UserId });
                    table.ForeignKey(
                        name: "FK_SwotContribution_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SwotContribution_Organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SwotContribution_SwotItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SwotItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SwotDot",
                columns: table => new
                {
                    ItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    BoardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SwotDot", x => new { x.ItemId, x.UserId });
                    table.CheckConstraint("CK_SwotDots_Count", "\"Count\" > 0");
                    table.ForeignKey(
                        name: "FK_SwotDot_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SwotDot_SwotItem_ItemId",
                        column: x => x.ItemId,
                        principalTable: "SwotItem",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Need_ProcessId_Position",
                table: "Need",
                columns: new[] { "ProcessId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_NeedBallot_UserId",
                table: "NeedBallot",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedProposal_ProposalId",
                table: "NeedProposal",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedsSettings_EventId",
                table: "NeedsSettings",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedSwotItem_SwotItemId",
                table: "NeedSwotItem",
                column: "SwotItemId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedVote_NeedId",
                table: "NeedVote",
                column: "NeedId");

            migrationBuilder.CreateIndex(
                name: "IX_NeedVote_ProcessId_UserId_Rank",
                table: "NeedVote",
                columns: new[] { "ProcessId", "UserId", "Rank" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SwotAllowance_UserId",
                table: "SwotAllowance",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SwotBoard_EventId",
                table: "SwotBoard",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_SwotBoard_ProcessId_CreatedAt",
                table: "SwotBoard",
                columns: new[] { "ProcessId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SwotContribution_OrganizationId",
                table: "SwotContribution",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SwotContribution_UserId",
                table: "SwotContribution",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SwotDot_BoardId_UserId",
                table: "SwotDot",
                columns: new[] { "BoardId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_SwotDot_UserId",
                table: "SwotDot",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_SwotItem_BoardId_Quadrant_Position",
                table: "SwotItem",
                columns: new[] { "BoardId", "Quadrant", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SwotItem_MergedIntoId",
                table: "SwotItem",
                column: "MergedIntoId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NeedProposal");

            migrationBuilder.DropTable(
                name: "NeedsSettings");

            migrationBuilder.DropTable(
                name: "NeedSwotItem");

            migrationBuilder.DropTable(
                name: "NeedVote");

            migrationBuilder.DropTable(
                name: "SwotAllowance");

            migrationBuilder.DropTable(
                name: "SwotContribution");

            migrationBuilder.DropTable(
                name: "SwotDot");

            migrationBuilder.DropTable(
                name: "NeedBallot");

            migrationBuilder.DropTable(
                name: "Need");

            migrationBuilder.DropTable(
                name: "SwotItem");

            migrationBuilder.DropTable(
                name: "SwotBoard");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Maturity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MaturityFramework",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AllowTargetBelowCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DescriptionBg = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    NameBg = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityFramework", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityFramework_MaturityFramework_PreviousId",
                        column: x => x.PreviousId,
                        principalTable: "MaturityFramework",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MaturityDimension",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    DescriptionBg = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Level1Bg = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level1En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level2Bg = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level2En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level3Bg = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level3En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level4Bg = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level4En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level5Bg = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Level5En = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    NameBg = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityDimension", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityDimension_MaturityFramework_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "MaturityFramework",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaturityRound",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Assessors = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConclusionsBg = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ConclusionsEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TitleBg = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityRound", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityRound_Event_EventId",
                        column: x => x.EventId,
                        principalTable: "Event",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MaturityRound_MaturityFramework_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "MaturityFramework",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MaturityRound_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaturityAssessment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityAssessment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MaturityAssessment_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaturityAssessment_MaturityRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MaturityRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MaturityScore",
                columns: table => new
                {
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DimensionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Current = table.Column<int>(type: "INTEGER", nullable: true),
                    Target = table.Column<int>(type: "INTEGER", nullable: true),
                    Justification = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaturityScore", x => new { x.AssessmentId, x.DimensionId });
                    table.CheckConstraint("CK_MaturityScores_Current", "\"Current\" IS NULL OR (\"Current\" BETWEEN 1 AND 5)");
                    table.CheckConstraint("CK_MaturityScores_Target", "\"Target\" IS NULL OR (\"Target\" BETWEEN 1 AND 5)");
                    table.ForeignKey(
                        name: "FK_MaturityScore_MaturityAssessment_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "MaturityAssessment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MaturityScore_MaturityDimension_DimensionId",
                        column: x => x.DimensionId,
                        principalTable: "MaturityDimension",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessment_RoundId_UserId",
                table: "MaturityAssessment",
                columns: new[] { "RoundId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityAssessment_UserId",
                table: "MaturityAssessment",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityDimension_FrameworkId_Key",
                table: "MaturityDimension",
                columns: new[] { "FrameworkId", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityFramework_PreviousId",
                table: "MaturityFramework",
                column: "PreviousId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRound_EventId",
                table: "MaturityRound",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRound_FrameworkId",
                table: "MaturityRound",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_MaturityRound_ProcessId_Slug",
                table: "MaturityRound",
                columns: new[] { "ProcessId", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MaturityScore_DimensionId",
                table: "MaturityScore",
                column: "DimensionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MaturityScore");

            migrationBuilder.DropTable(
                name: "MaturityAssessment");

            migrationBuilder.DropTable(
                name: "MaturityDimension");

            migrationBuilder.DropTable(
                name: "MaturityRound");

            migrationBuilder.DropTable(
                name: "MaturityFramework");
        }
    }
}

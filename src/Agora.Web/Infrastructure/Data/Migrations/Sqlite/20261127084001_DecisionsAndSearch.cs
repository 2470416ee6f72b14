using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DecisionsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Budget",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MinPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    MinProjects = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxProjects = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowChange = table.Column<bool>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    VotingStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VotingEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BallotCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DescriptionBg = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    TitleBg = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Budget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Budget_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CensusRecord",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdentifierHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CensusRecord", x => x.Id);
                });

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
                name: "SearchChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchChange", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TrackedResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Department = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    BudgetAllocatedCents = table.Column<long>(type: "INTEGER", nullable: false),
                    BudgetSpentCents = table.Column<long>(type: "INTEGER", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OriginKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OriginId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowerCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DescriptionBg = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    TitleBg = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrackedResults", x => x.Id);
                    table.CheckConstraint("CK_TrackedResults_Budget", "\"BudgetAllocatedCents\" >= 0 AND \"BudgetSpentCents\" >= 0");
                    table.CheckConstraint("CK_TrackedResults_Progress", "\"Progress\" BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "FK_TrackedResults_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrackedResults_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerificationAttempt",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationAttempt", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VerificationAttempt_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VerificationRequirement",
                columns: table => new
                {
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VerificationRequirement", x => x.Action);
                });

            migrationBuilder.CreateTable(
                name: "Ballot",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VoterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CastAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballot", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ballot_AspNetUsers_VoterId",
                        column: x => x.VoterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Ballot_Budget_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budget",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BudgetProject",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BudgetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    CostCents = table.Column<long>(type: "INTEGER", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ImageUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Review = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReviewReason = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BudgetProject", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BudgetProject_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BudgetProject_Budget_BudgetId",
                        column: x => x.BudgetId,
                        principalTable: "Budget",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BudgetProject_Proposal_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "Proposal",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ResidentVerification",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    CensusRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VerifiedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    VerifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentVerification", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentVerification_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResidentVerification_AspNetUsers_VerifiedById",
                        column: x => x.VerifiedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ResidentVerification_CensusRecord_CensusRecordId",
                        column: x => x.CensusRecordId,
                        principalTable: "CensusRecord",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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
                name: "ResultFollower",
                columns: table => new
                {
                    ResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultFollower", x => new { x.ResultId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ResultFollower_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ResultFollower_TrackedResults_ResultId",
                        column: x => x.ResultId,
                        principalTable: "TrackedResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultMilestone",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TitleBg = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultMilestone", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultMilestone_TrackedResults_ResultId",
                        column: x => x.ResultId,
                        principalTable: "TrackedResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResultUpdate",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResultId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OldStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    NewStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    OldProgress = table.Column<int>(type: "INTEGER", nullable: true),
                    NewProgress = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TextBg = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResultUpdate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResultUpdate_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResultUpdate_TrackedResults_ResultId",
                        column: x => x.ResultId,
                        principalTable: "TrackedResults",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BallotChoice",
                columns: table => new
                {
                    BallotId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BallotChoice", x => new { x.BallotId, x.ProjectId });
                    table.ForeignKey(
                        name: "FK_BallotChoice_Ballot_BallotId",
                        column: x => x.BallotId,
                        principalTable: "Ballot",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BallotChoice_BudgetProject_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "BudgetProject",
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
                name: "IX_Ballot_BudgetId_VoterId",
                table: "Ballot",
                columns: new[] { "BudgetId", "VoterId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballot_ReceiptCode",
                table: "Ballot",
                column: "ReceiptCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballot_VoterId",
                table: "Ballot",
                column: "VoterId");

            migrationBuilder.CreateIndex(
                name: "IX_BallotChoice_ProjectId",
                table: "BallotChoice",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_Budget_ProcessId_Position",
                table: "Budget",
                columns: new[] { "ProcessId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProject_AuthorId",
                table: "BudgetProject",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProject_BudgetId_CreatedAt",
                table: "BudgetProject",
                columns: new[] { "BudgetId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BudgetProject_ProposalId",
                table: "BudgetProject",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_CensusRecord_IdentifierHash",
                table: "CensusRecord",
                column: "IdentifierHash",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVerification_CensusRecordId",
                table: "ResidentVerification",
                column: "CensusRecordId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVerification_UserId",
                table: "ResidentVerification",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentVerification_VerifiedById",
                table: "ResidentVerification",
                column: "VerifiedById");

            migrationBuilder.CreateIndex(
                name: "IX_ResultFollower_UserId",
                table: "ResultFollower",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultMilestone_ResultId_PlannedOn",
                table: "ResultMilestone",
                columns: new[] { "ResultId", "PlannedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ResultUpdate_AuthorId",
                table: "ResultUpdate",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ResultUpdate_ResultId_CreatedAt",
                table: "ResultUpdate",
                columns: new[] { "ResultId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchChange_At",
                table: "SearchChange",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_TrackedResults_AuthorId",
                table: "TrackedResults",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_TrackedResults_OriginKind_OriginId",
                table: "TrackedResults",
                columns: new[] { "OriginKind", "OriginId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrackedResults_ProcessId_CreatedAt",
                table: "TrackedResults",
                columns: new[] { "ProcessId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TrackedResults_Status_District",
                table: "TrackedResults",
                columns: new[] { "Status", "District" });

            migrationBuilder.CreateIndex(
                name: "IX_VerificationAttempt_UserId_At",
                table: "VerificationAttempt",
                columns: new[] { "UserId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BallotChoice");

            migrationBuilder.DropTable(
                name: "MaturityScore");

            migrationBuilder.DropTable(
                name: "ResidentVerification");

            migrationBuilder.DropTable(
                name: "ResultFollower");

            migrationBuilder.DropTable(
                name: "ResultMilestone");

            migrationBuilder.DropTable(
                name: "ResultUpdate");

            migrationBuilder.DropTable(
                name: "SearchChange");

            migrationBuilder.DropTable(
                name: "VerificationAttempt");

            migrationBuilder.DropTable(
                name: "VerificationRequirement");

            migrationBuilder.DropTable(
                name: "Ballot");

            migrationBuilder.DropTable(
                name: "BudgetProject");

            migrationBuilder.DropTable(
                name: "MaturityAssessment");

            migrationBuilder.DropTable(
                name: "MaturityDimension");

            migrationBuilder.DropTable(
                name: "CensusRecord");

            migrationBuilder.DropTable(
                name: "TrackedResults");

            migrationBuilder.DropTable(
                name: "Budget");

            migrationBuilder.DropTable(
                name: "MaturityRound");

            migrationBuilder.DropTable(
                name: "MaturityFramework");
        }
    }
}

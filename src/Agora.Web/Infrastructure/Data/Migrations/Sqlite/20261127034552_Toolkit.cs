using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Toolkit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Commitment",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Brings = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastRemindedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HiddenAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitment_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Commitment_Event_EventId",
                        column: x => x.EventId,
                        principalTable: "Event",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Commitment_Organization_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organization",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Commitment_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Need",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DescriptionBg = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    TitleBg = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                name: "Survey",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Published = table.Column<bool>(type: "INTEGER", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnswersPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ResponseCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DescriptionBg = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    TitleBg = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Survey", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Survey_AspNetUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Survey_Event_EventId",
                        column: x => x.EventId,
                        principalTable: "Event",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Survey_Process_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "Process",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SwotBoard",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DotsPerPerson = table.Column<int>(type: "INTEGER", nullable: false),
                    Eligibility = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TitleBg = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
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
                name: "CommitmentUpdate",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NewStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentUpdate", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentUpdate_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentUpdate_Commitment_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NeedProposal",
                columns: table => new
                {
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    ProcessId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Points = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "SurveyInvitee",
                columns: table => new
                {
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitee", x => new { x.SurveyId, x.NormalizedEmail });
                    table.ForeignKey(
                        name: "FK_SurveyInvitee_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestion",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    Min = table.Column<int>(type: "INTEGER", nullable: true),
                    Max = table.Column<int>(type: "INTEGER", nullable: true),
                    ScaleMin = table.Column<int>(type: "INTEGER", nullable: false),
                    ScaleMax = table.Column<int>(type: "INTEGER", nullable: false),
                    ConditionQuestionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConditionOptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TextBg = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestion", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyQuestion_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponse",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StakeholderKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponse", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponse_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SurveyResponse_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SwotAllowance",
                columns: table => new
                {
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Used = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Quadrant = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedIntoId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                name: "SurveyOption",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    TextBg = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyOption", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyOption_SurveyQuestion_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestion",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyOption_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswer",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurveyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OptionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Number = table.Column<double>(type: "REAL", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswer", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswer_SurveyQuestion_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestion",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SurveyAnswer_SurveyResponse_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponse",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyAnswer_Survey_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Survey",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "NeedSwotItem",
                columns: table => new
                {
                    NeedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SwotItemId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BoardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
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
                name: "IX_Commitment_AuthorId",
                table: "Commitment",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_EventId",
                table: "Commitment",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_OrganizationId_CreatedAt",
                table: "Commitment",
                columns: new[] { "OrganizationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_ProcessId_CreatedAt",
                table: "Commitment",
                columns: new[] { "ProcessId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Commitment_Status_DueOn",
                table: "Commitment",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentUpdate_AuthorId",
                table: "CommitmentUpdate",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentUpdate_CommitmentId_CreatedAt",
                table: "CommitmentUpdate",
                columns: new[] { "CommitmentId", "CreatedAt" });

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
                name: "IX_Survey_CreatedById",
                table: "Survey",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Survey_EventId",
                table: "Survey",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_Survey_ProcessId_CreatedAt",
                table: "Survey",
                columns: new[] { "ProcessId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswer_QuestionId_OptionId",
                table: "SurveyAnswer",
                columns: new[] { "QuestionId", "OptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswer_ResponseId",
                table: "SurveyAnswer",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswer_SurveyId",
                table: "SurveyAnswer",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyOption_QuestionId_Position",
                table: "SurveyOption",
                columns: new[] { "QuestionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyOption_SurveyId",
                table: "SurveyOption",
                column: "SurveyId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestion_SurveyId_Position",
                table: "SurveyQuestion",
                columns: new[] { "SurveyId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponse_SurveyId_SubmittedAt",
                table: "SurveyResponse",
                columns: new[] { "SurveyId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponse_SurveyId_TokenHash",
                table: "SurveyResponse",
                columns: new[] { "SurveyId", "TokenHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponse_SurveyId_UserId",
                table: "SurveyResponse",
                columns: new[] { "SurveyId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponse_UserId",
                table: "SurveyResponse",
                column: "UserId");

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
                name: "CommitmentUpdate");

            migrationBuilder.DropTable(
                name: "NeedProposal");

            migrationBuilder.DropTable(
                name: "NeedsSettings");

            migrationBuilder.DropTable(
                name: "NeedSwotItem");

            migrationBuilder.DropTable(
                name: "NeedVote");

            migrationBuilder.DropTable(
                name: "SurveyAnswer");

            migrationBuilder.DropTable(
                name: "SurveyInvitee");

            migrationBuilder.DropTable(
                name: "SurveyOption");

            migrationBuilder.DropTable(
                name: "SwotAllowance");

            migrationBuilder.DropTable(
                name: "SwotContribution");

            migrationBuilder.DropTable(
                name: "SwotDot");

            migrationBuilder.DropTable(
                name: "Commitment");

            migrationBuilder.DropTable(
                name: "NeedBallot");

            migrationBuilder.DropTable(
                name: "Need");

            migrationBuilder.DropTable(
                name: "SurveyResponse");

            migrationBuilder.DropTable(
                name: "SurveyQuestion");

            migrationBuilder.DropTable(
                name: "SwotItem");

            migrationBuilder.DropTable(
                name: "Survey");

            migrationBuilder.DropTable(
                name: "SwotBoard");
        }
    }
}

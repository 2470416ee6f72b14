using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BenchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposal_ProcessId_SupportCount",
                table: "Proposal");

            migrationBuilder.CreateIndex(
                name: "IX_Proposal_CreatedAt_Id",
                table: "Proposal",
                columns: new[] { "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposal_ProcessId_SupportCount_CreatedAt_Id_State_HiddenAt",
                table: "Proposal",
                columns: new[] { "ProcessId", "SupportCount", "CreatedAt", "Id", "State", "HiddenAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposal_CreatedAt_Id",
                table: "Proposal");

            migrationBuilder.DropIndex(
                name: "IX_Proposal_ProcessId_SupportCount_CreatedAt_Id_State_HiddenAt",
                table: "Proposal");

            migrationBuilder.CreateIndex(
                name: "IX_Proposal_ProcessId_SupportCount",
                table: "Proposal",
                columns: new[] { "ProcessId", "SupportCount" });
        }
    }
}

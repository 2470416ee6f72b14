using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CityIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Event_StartsAt",
                table: "Event");

            migrationBuilder.CreateIndex(
                name: "IX_Organization_Listed_Kind",
                table: "Organization",
                columns: new[] { "Listed", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Organization_Listed_Sectors",
                table: "Organization",
                columns: new[] { "Listed", "Sectors" });

            migrationBuilder.CreateIndex(
                name: "IX_Event_StartsAt_Id_EndsAt_Published_ProcessId",
                table: "Event",
                columns: new[] { "StartsAt", "Id", "EndsAt", "Published", "ProcessId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organization_Listed_Kind",
                table: "Organization");

            migrationBuilder.DropIndex(
                name: "IX_Organization_Listed_Sectors",
                table: "Organization");

            migrationBuilder.DropIndex(
                name: "IX_Event_StartsAt_Id_EndsAt_Published_ProcessId",
                table: "Event");

            migrationBuilder.CreateIndex(
                name: "IX_Event_StartsAt",
                table: "Event",
                column: "StartsAt");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CityCommentStances : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Comment_TargetType_TargetId_Stance_DeletedAt_HiddenAt",
                table: "Comment",
                columns: new[] { "TargetType", "TargetId", "Stance", "DeletedAt", "HiddenAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Comment_TargetType_TargetId_Stance_DeletedAt_HiddenAt",
                table: "Comment");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Agora.Web.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxMailCap : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AccountId",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_AccountId_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Recipient_Kind_CreatedAt",
                table: "OutboxMessages",
                columns: new[] { "Recipient", "Kind", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_AccountId_CreatedAt",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Recipient_Kind_CreatedAt",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "AccountId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "OutboxMessages");
        }
    }
}

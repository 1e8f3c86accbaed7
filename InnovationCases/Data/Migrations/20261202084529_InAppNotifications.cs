using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations
{
    /// <inheritdoc />
    public partial class InAppNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "NotificationBodies",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: false),
                    DigestLine = table.Column<string>(type: "TEXT", nullable: false),
                    LinkPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationBodies", x => x.Id);
                });

            migrationBuilder.AddColumn<string>(
                name: "BodyId",
                table: "Outbox",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            // Hand-written: the texts of rows already in the outbox move to one body each, so nothing waiting is lost.
            migrationBuilder.Sql("""
                INSERT INTO "NotificationBodies" ("Id", "Subject", "Detail", "TextBody", "HtmlBody", "DigestLine", "LinkPath")
                SELECT 'outbox' || "Id", "Subject", "DigestLine", "TextBody", "HtmlBody", "DigestLine",
                       CASE WHEN "CaseNumber" IS NULL THEN 'my-cases' ELSE 'cases/' || "CaseNumber" END
                FROM "Outbox";
                """);
            migrationBuilder.Sql("""UPDATE "Outbox" SET "BodyId" = 'outbox' || "Id";""");

            migrationBuilder.DropColumn(
                name: "DigestLine",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "HtmlBody",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "TextBody",
                table: "Outbox");





            migrationBuilder.AlterColumn<string>(
                name: "RecipientEmail",
                table: "Outbox",
                type: "TEXT",
                maxLength: 256,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 256);


            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "Outbox",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReadAt",
                table: "Outbox",
                type: "TEXT",
                nullable: true);


            migrationBuilder.CreateIndex(
                name: "IX_Outbox_BodyId",
                table: "Outbox",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ClaimToken",
                table: "Outbox",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_RecipientUserId_Id",
                table: "Outbox",
                columns: new[] { "RecipientUserId", "Id" });

            migrationBuilder.AddForeignKey(
                name: "FK_Outbox_NotificationBodies_BodyId",
                table: "Outbox",
                column: "BodyId",
                principalTable: "NotificationBodies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Outbox_NotificationBodies_BodyId",
                table: "Outbox");

            migrationBuilder.DropTable(
                name: "NotificationBodies");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_BodyId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_ClaimToken",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_RecipientUserId_Id",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "BodyId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "Outbox");

            migrationBuilder.AlterColumn<string>(
                name: "RecipientEmail",
                table: "Outbox",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 256,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DigestLine",
                table: "Outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "HtmlBody",
                table: "Outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "Outbox",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TextBody",
                table: "Outbox",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}

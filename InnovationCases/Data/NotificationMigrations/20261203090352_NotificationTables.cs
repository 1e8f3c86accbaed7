using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.NotificationMigrations
{
    /// <inheritdoc />
    public partial class NotificationTables : Migration
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

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RecipientEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    CaseNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    BodyId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClaimToken = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DigestId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outbox_NotificationBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "NotificationBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_BodyId_RecipientUserId",
                table: "Outbox",
                columns: new[] { "BodyId", "RecipientUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ClaimToken",
                table: "Outbox",
                column: "ClaimToken",
                filter: "\"ClaimToken\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Key",
                table: "Outbox",
                column: "Key",
                unique: true,
                filter: "\"Key\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_RecipientUserId_Id",
                table: "Outbox",
                columns: new[] { "RecipientUserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Status_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "Status", "NextAttemptAt" },
                filter: "\"Status\" = 'Pending' OR \"Status\" = 'Sending' OR \"Status\" = 'AwaitingDigest' OR \"Status\" = 'Parked'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "NotificationBodies");
        }
    }
}

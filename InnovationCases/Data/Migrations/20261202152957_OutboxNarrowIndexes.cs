using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations
{
    /// <inheritdoc />
    public partial class OutboxNarrowIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_BodyId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_ClaimToken",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Key",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_RecipientUserId_Status",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Status_NextAttemptAt",
                table: "Outbox");

            // The fan-out's rows no longer carry a key: (text, recipient) is unique instead. Dropping the
            // keys already written keeps the unique key index to reminders and digests.
            migrationBuilder.Sql("UPDATE \"Outbox\" SET \"Key\" = NULL WHERE \"Key\" LIKE 'event|%'");

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
                name: "IX_Outbox_Status_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "Status", "NextAttemptAt" },
                filter: "\"Status\" = 'Pending' OR \"Status\" = 'Sending' OR \"Status\" = 'AwaitingDigest' OR \"Status\" = 'Parked'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Outbox_BodyId_RecipientUserId",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_ClaimToken",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Key",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_Status_NextAttemptAt",
                table: "Outbox");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_BodyId",
                table: "Outbox",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ClaimToken",
                table: "Outbox",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Key",
                table: "Outbox",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_RecipientUserId_Status",
                table: "Outbox",
                columns: new[] { "RecipientUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_Status_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "Status", "NextAttemptAt" });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InnovationCases.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationsInOwnFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The notifications' rows and texts now live in their own file (NotificationsFile, its own
            // migrations); DatabaseMigrations copies what this file held there before this runs. Named
            // with "main." because the other file, attached, has tables of the same names.
            migrationBuilder.Sql("DROP TABLE main.\"Outbox\";");
            migrationBuilder.Sql("DROP TABLE main.\"NotificationBodies\";");

            migrationBuilder.DropColumn(
                name: "ClaimToken",
                table: "PendingFanOuts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The notifications stay in their own file: going back leaves them there.
            migrationBuilder.AddColumn<string>(
                name: "ClaimToken",
                table: "PendingFanOuts",
                type: "TEXT",
                maxLength: 32,
                nullable: true);
        }
    }
}

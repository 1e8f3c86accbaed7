using System.Globalization;
using InnovationCases.Domain;

namespace InnovationCases.Tests.Domain;

public sealed class DanishTimeTests
{
    [Theory]
    [InlineData("2026-07-01T10:00:00", "2026-07-01T12:00:00")] // summer time, UTC+2
    [InlineData("2026-01-15T10:00:00", "2026-01-15T11:00:00")] // winter time, UTC+1
    [InlineData("2026-03-29T00:59:59", "2026-03-29T01:59:59")] // last second of winter time
    [InlineData("2026-03-29T01:00:00", "2026-03-29T03:00:00")] // summer time starts: 02:00 CET jumps to 03:00 CEST
    [InlineData("2026-10-25T00:59:59", "2026-10-25T02:59:59")] // last second of summer time
    [InlineData("2026-10-25T01:00:00", "2026-10-25T02:00:00")] // summer time ends: 03:00 CEST falls back to 02:00 CET
    [InlineData("2027-03-28T01:00:00", "2027-03-28T03:00:00")] // the rule floats: the last Sunday of March 2027
    public void Fallback_zone_shows_Danish_wall_clock_time(string utc, string expected)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(DateTime.Parse(utc, CultureInfo.InvariantCulture), DateTimeKind.Utc), DanishTime.Fallback);

        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture), local);
    }

    [Fact]
    public void Fallback_zone_agrees_with_tzdata_every_half_hour_from_2020_to_2035()
    {
        var copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

        for (var utc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc); utc.Year < 2036; utc = utc.AddMinutes(30))
        {
            Assert.Equal(TimeZoneInfo.ConvertTimeFromUtc(utc, copenhagen), TimeZoneInfo.ConvertTimeFromUtc(utc, DanishTime.Fallback));
        }
    }

    [Fact]
    public void Missing_tzdata_falls_back_to_the_CET_CEST_rule_instead_of_throwing()
    {
        Assert.Same(DanishTime.Fallback, DanishTime.Find(id => throw new TimeZoneNotFoundException(id)));
        Assert.Same(DanishTime.Fallback, DanishTime.Find(id => throw new InvalidTimeZoneException(id)));
    }

    [Fact]
    public void Installed_tzdata_is_used_when_present()
    {
        var zone = DanishTime.Find(TimeZoneInfo.FindSystemTimeZoneById);

        Assert.NotSame(DanishTime.Fallback, zone);
        Assert.Equal(TimeSpan.FromHours(1), zone.BaseUtcOffset);
    }

    [Fact]
    public void Format_shows_Danish_date_and_time_with_a_dot_between_hours_and_minutes()
    {
        Assert.Equal("01.07.2026 12.00", DanishTime.Format(new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Late_on_new_years_eve_in_UTC_it_is_already_the_next_year_in_Denmark()
    {
        var utc = new DateTime(2026, 12, 31, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateOnly(2027, 1, 1), DanishTime.Today(utc));
        Assert.Equal(2027, DanishTime.Today(new DateTimeOffset(utc)).Year);
        Assert.Equal("01.01.2027", DanishTime.FormatDate(utc));
    }
}

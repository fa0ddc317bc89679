using Admin.Data.Time;
using Admin.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Admin.Data.Tests.Time;

/// <summary>
/// The display zone's arithmetic against PostgreSQL's: C# bounds day ranges (StartOf, DayOf) that SQL buckets with
/// AT TIME ZONE, so both must put every day's first instant at the same place, daylight-saving gaps and overlaps included.
/// </summary>
public sealed class DisplayTimeZoneTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    // Johannesburg (no daylight saving), London and New York (2 am changes), Santiago (changes at midnight: some days
    // begin at 01:00), Lord Howe (half-hour change), and UTC.
    [Theory]
    [InlineData("Africa/Johannesburg")]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("America/Santiago")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("UTC")]
    public async Task Days_begin_where_PostgreSQL_says(string id)
    {
        var zone = new DisplayTimeZone(id);
        var first = new DateOnly(2021, 1, 1);
        await using var cmd = _db.DataSource.CreateCommand("""
            SELECT d::date, d::timestamp AT TIME ZONE @tz
            FROM generate_series(@first::timestamp, @first::timestamp + interval '730 days', interval '1 day') d
            """);
        cmd.Parameters.AddWithValue("tz", id);
        cmd.Parameters.AddWithValue("first", first);
        var checkedDays = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var day = reader.GetFieldValue<DateOnly>(0);
            var start = reader.GetFieldValue<DateTimeOffset>(1);
            Assert.Equal(start, zone.StartOf(day));
            Assert.Equal(day, zone.DayOf(start));
            Assert.Equal(day.AddDays(-1), zone.DayOf(start.AddTicks(-10)));
            checkedDays++;
        }
        Assert.Equal(731, checkedDays);
    }

    [Fact]
    public async Task Local_times_in_a_gap_or_an_overlap_read_as_PostgreSQL_reads_them()
    {
        var zone = new DisplayTimeZone("America/New_York");
        foreach (var local in new[] { new DateTime(2021, 3, 14, 2, 30, 0), new DateTime(2021, 11, 7, 1, 30, 0), new DateTime(2021, 7, 1, 12, 0, 0) })
        {
            await using var cmd = _db.DataSource.CreateCommand("SELECT @local::timestamp AT TIME ZONE @tz");
            cmd.Parameters.AddWithValue("local", local);
            cmd.Parameters.AddWithValue("tz", zone.Id);
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal(reader.GetFieldValue<DateTimeOffset>(0), zone.FromLocal(local));
        }
    }

    [Fact]
    public void Local_times_and_labels_name_the_zone()
    {
        var sast = new DisplayTimeZone("Africa/Johannesburg");
        Assert.Equal("SAST", sast.Label);
        var instant = new DateTimeOffset(2021, 1, 20, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal("2021-01-21 01:30", sast.Format(instant, "yyyy-MM-dd HH:mm"));
        Assert.Equal("21 Jan 2021 01:30 SAST", sast.FormatWithZone(instant, "d MMM yyyy HH:mm"));
        Assert.Equal(new DateOnly(2021, 1, 21), sast.DayOf(instant));
        Assert.Equal(new DateTimeOffset(2021, 1, 20, 22, 0, 0, TimeSpan.Zero), sast.StartOf(new DateOnly(2021, 1, 21)));

        var london = new DisplayTimeZone("Europe/London");
        Assert.Equal("GMT/BST", london.Label);
        Assert.Equal("BST", london.AbbreviationAt(new DateTimeOffset(2021, 7, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("GMT", london.AbbreviationAt(new DateTimeOffset(2021, 1, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("UTC", new DisplayTimeZone("UTC").Label);
        // tzdata names Dubai's zone "+04": a number says less than an offset.
        Assert.Equal("UTC+04:00", new DisplayTimeZone("Asia/Dubai").Label);
    }

    [Fact]
    public void An_unknown_zone_stops_startup_naming_the_setting()
    {
        var services = new ServiceCollection();
        services.AddAdminData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = "Host=127.0.0.1;Database=unused",
            ["Display:TimeZone"] = "Africa/Joburg",
        }).Build());
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DisplayTimeZone>());
        Assert.Contains("Display:TimeZone 'Africa/Joburg' is not a time zone", ex.Message);
    }

    [Fact]
    public void The_default_zone_is_Johannesburg()
    {
        var services = new ServiceCollection();
        services.AddAdminData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Admin"] = "Host=127.0.0.1;Database=unused",
        }).Build());
        using var provider = services.BuildServiceProvider();
        Assert.Equal("Africa/Johannesburg", provider.GetRequiredService<DisplayTimeZone>().Id);
    }
}

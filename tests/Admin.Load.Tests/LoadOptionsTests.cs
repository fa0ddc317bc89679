using Admin.Load.Running;

namespace Admin.Load.Tests;

/// <summary>The harness's command line: what it accepts, and the one-line errors (exit code 2) for what it does not.</summary>
public sealed class LoadOptionsTests
{
    private static readonly string[] Base = ["--base", "http://127.0.0.1:5080", "--login", "analyst=ana:pw"];

    [Fact]
    public void Tabs_are_one_per_journey_unless_asked_and_zero_keeps_one_tab_all_run()
    {
        Assert.Equal(1, LoadOptions.Parse(Base).TabJourneys);
        Assert.Equal(0, LoadOptions.Parse([.. Base, "--tab-journeys", "0"]).TabJourneys);
        Assert.Equal(5, LoadOptions.Parse([.. Base, "--tab-journeys", "5"]).TabJourneys);
    }

    [Fact]
    public void A_tab_acknowledges_batches_at_once_unless_given_a_delay_in_any_unit()
    {
        Assert.Equal(TimeSpan.Zero, LoadOptions.Parse(Base).AckDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(20), LoadOptions.Parse([.. Base, "--ack-delay", "20ms"]).AckDelay);
        Assert.Equal(TimeSpan.FromSeconds(1.5), LoadOptions.Parse([.. Base, "--ack-delay", "1.5s"]).AckDelay);
    }

    [Theory]
    [InlineData("--ack-delay", "-5ms", "--ack-delay")]
    [InlineData("--tab-journeys", "-1", "--tab-journeys")]
    [InlineData("--create-users", "2", "needs --db")]
    [InlineData("--frobnicate", "1", "Unknown option --frobnicate")]
    [InlineData("--chromium-nice", "20", "from 0 to 19")]
    [InlineData("--app-metrics", "127.0.0.1:9464/metrics", "http(s) URL")]
    [InlineData("--app-metrics", "file:///etc/passwd", "http(s) URL")]
    public void A_bad_option_is_an_argument_error_naming_it(string option, string value, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => LoadOptions.Parse([.. Base, option, value]));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void The_apps_metrics_endpoint_is_optional()
    {
        Assert.Null(LoadOptions.Parse(Base).AppMetrics);
        Assert.Equal(new Uri("http://10.0.0.5:9464/metrics"), LoadOptions.Parse([.. Base, "--app-metrics", "http://10.0.0.5:9464/metrics"]).AppMetrics);
    }

    [Fact]
    public void An_empty_db_is_no_connection_string()
    {
        // "--db $DB" with DB unset: refused as missing, not passed on to fail inside Npgsql with an unhandled exception.
        var ex = Assert.Throws<ArgumentException>(() => LoadOptions.Parse(["--base", "http://127.0.0.1:5080", "--create-users", "1", "--db", ""]));
        Assert.Contains("needs --db", ex.Message);
    }
}

using Admin.Cli;
using Admin.Testing;

namespace Admin.Tests.Cli;

/// <summary>
/// Every verb parses its options strictly: an unknown option or a bad value stops it with a message and exit code 2
/// before anything is written, and --help lists its options. Runs in-process with the console captured.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CommandLineTests
{
    [Fact]
    public async Task An_unknown_option_fails_with_a_message_and_writes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var run = await RunAsync(["seed", "--row", "5", .. Database(db)]);

        Assert.Equal(CommandLine.UsageError, run.Exit);
        Assert.Contains("--row", run.Error);
        Assert.Contains("seed --help", run.Error);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
    }

    [Theory]
    [InlineData("--rows=lots", "--rows must be a whole number")]
    [InlineData("--rows -3", "--rows must be a whole number from 0")]
    [InlineData("--mode fast", "fast")]
    [InlineData("--rows", "--rows")]
    public async Task A_bad_value_fails_with_a_message(string options, string message)
    {
        var run = await RunAsync(["seed", .. options.Split(' ')]);

        Assert.Equal(CommandLine.UsageError, run.Exit);
        Assert.Contains(message, run.Error);
    }

    [Theory]
    [InlineData("export --list health-checks --out x.csv --format xml", "xml")]
    [InlineData("bench --only everything", "everything")]
    [InlineData("bench --warm-pool", "--cold-command")]
    [InlineData("rollups --rebuild now", "now")]
    [InlineData("create-user --user a --role Admin --if-no-user", "--if-no-user")]
    public async Task Every_verb_refuses_what_it_does_not_know(string line, string named)
    {
        var run = await RunAsync(line.Split(' '));

        Assert.Equal(CommandLine.UsageError, run.Exit);
        Assert.Contains(named, run.Error);
    }

    [Theory]
    [InlineData("migrate", "")]
    [InlineData("seed", "--rows")]
    [InlineData("bench", "--naive-iterations")]
    [InlineData("rollups", "--rebuild")]
    [InlineData("create-user", "--if-no-users")]
    [InlineData("export", "--parallel")]
    public async Task Every_verb_has_help(string verb, string option)
    {
        var run = await RunAsync([verb, "--help"]);

        Assert.Equal(0, run.Exit);
        Assert.Contains("Usage:", run.Output);
        Assert.Contains(verb, run.Output);
        Assert.Contains(option, run.Output);
    }

    [Fact]
    public async Task Numbers_may_be_grouped_and_configuration_keys_pass_to_the_host()
    {
        await using var db = await TestDatabase.CreateAsync();

        // Runs the verb against the test database (the connection string is a configuration key, not an option).
        var run = await RunAsync(["seed", "--rows", "1_000", "--vaccine-rows", "0", "--seed", "7", .. Database(db)]);

        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal(1000L, await db.ScalarAsync<long>("SELECT count(*) FROM health_checks"));
    }

    [Fact]
    public async Task A_database_behind_this_build_gets_one_line_asking_for_migrate_not_a_stack_trace()
    {
        await using var db = await TestDatabase.CreateAsync();
        await db.ExecuteAsync("DROP TABLE rollup_cell_periods");

        var run = await RunAsync(["rollups", .. Database(db)]);

        Assert.Equal(1, run.Exit);
        Assert.Contains("Run the migrate verb first", run.Error);
        Assert.Contains("rollup_cell_periods", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task An_unreachable_database_gets_one_line_not_a_stack_trace()
    {
        var run = await RunAsync(["rollups", "--status", "--ConnectionStrings:Admin=Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3", "--Database:ConnectionString="]);

        Assert.Equal(1, run.Exit);
        Assert.Contains("Check ConnectionStrings:Admin", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    private static string[] Database(TestDatabase db) => [$"--ConnectionStrings:Admin={db.ConnectionString}", "--Database:ConnectionString="];

    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await CommandLine.RunAsync(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}

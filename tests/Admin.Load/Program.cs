using Admin.Load.Running;

namespace Admin.Load;

/// <summary>The load harness (README "Load testing"). Exit code 0 when every action saw its result and no circuit failed.</summary>
internal static class LoadProgram
{
    private static async Task<int> Main(string[] args)
    {
        if (args is ["--help"] or ["-h"] or ["-?"])
        {
            Console.WriteLine(LoadOptions.Usage);
            return 0;
        }
        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(LoadOptions.Usage);
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        LoadResult result;
        try
        {
            result = await new LoadRunner(options, Console.Out).RunAsync(cancel.Token);
        }
        // Before any user starts: the deployment or the database cannot be reached. One line, not a stack trace.
        catch (HttpRequestException ex)
        {
            Console.Error.WriteLine($"Cannot reach {options.BaseAddress}: {ex.Message}");
            return 2;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            Console.Error.WriteLine($"Cannot use the database given with --db: {ex.Message}");
            return 2;
        }
        // What the run finds it cannot do as it starts (no account for a journey's role): one line, as for an option.
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }
        Console.WriteLine(Report.Table(result));
        if (options.JsonPath is not null) await Report.WriteJsonAsync(result, options.JsonPath);
        return result.Errors == 0 && result.CircuitsFailed == 0 ? 0 : 1;
    }
}

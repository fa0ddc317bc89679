using System.CommandLine;
using System.Text.RegularExpressions;
using Admin.Data.Exports;
using Admin.Hosting;
using Admin.Security;

namespace Admin.Cli;

/// <summary>
/// Verbs of the app besides serving it: <c>migrate</c>, <c>seed</c>, ... Each declares its options (System.CommandLine:
/// <c>--help</c>, and an unknown option or a bad value is an error with exit code 2, never silently ignored), builds a
/// plain host (configuration, logging, data services) without the web server, runs, and returns an exit code.
/// </summary>
public static partial class CommandLine
{
    /// <summary>Exit code of a command line that does not parse (an unknown option, a bad value).</summary>
    public const int UsageError = 2;

    private static Verb[] Verbs =>
    [
        MigrateCommand.Verb, SeedCommand.Verb, BenchCommand.Verb, RollupsCommand.Verb, CreateUserCommand.Verb, CreateApiKeyCommand.Verb, ExportCommand.Verb,
    ];

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && Verbs.Any(v => v.Command.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase));

    public static async Task<int> RunAsync(string[] args)
    {
        // Configuration keys (--ConnectionStrings:Admin=..., Database:StatementTimeout=...) go to the host, as before;
        // everything else must be an option of the verb.
        var configuration = args.Skip(1).Where(IsConfiguration).ToArray();
        var tokens = args.Skip(1).Where(a => !IsConfiguration(a)).Prepend(args[0].ToLowerInvariant()).ToArray();

        var root = new RootCommand("HealthCheck Admin maintenance verbs. Without a verb the app serves the web UI.");
        int? exit = null;
        foreach (var verb in Verbs)
        {
            verb.Command.SetAction(async (parse, ct) => exit = await RunVerbAsync(verb, new CommandArgs(parse), configuration, ct));
            root.Add(verb.Command);
        }
        var parsed = root.Parse(tokens);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                await Console.Error.WriteLineAsync(error.Message);
            await Console.Error.WriteLineAsync($"Run '{tokens[0]} --help' for its options.");
            return UsageError;
        }

        // Ctrl+C and SIGTERM are handled below (with the verbs' own messages), exceptions by the verbs' callers.
        var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
        var code = await parsed.InvokeAsync(invocation);
        return exit ?? code; // --help runs no verb
    }

    private static async Task<int> RunVerbAsync(Verb verb, CommandArgs args, string[] configuration, CancellationToken _)
    {
        var builder = Host.CreateApplicationBuilder(configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // EF logs the probe for a not-yet-created history table as an error; real failures surface as exceptions.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        // Verbs build indexes and load data: no per-statement limit (the web app keeps its own).
        builder.Configuration["Database:StatementTimeout"] = "00:00:00";
        builder.AddAdminTelemetry(); // bench measures the instrumented code paths (Observability:Enabled=false: without)
        builder.AddAdminData();
        builder.Services.AddExports(builder.Configuration);
        builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.AddAdminIdentityCore();
        builder.Services.AddScoped<UserAccounts>();
        using var host = builder.Build();
        host.Services.StartTelemetry();

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        // A stop from a supervisor (SIGTERM) cancels like Ctrl+C: loads roll back, exports remove their partial files.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; cts.Cancel(); });
        try
        {
            return await verb.RunAsync(args, host.Services, cts.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return UsageError;
        }
        // What a verb did not handle itself: one line, never a stack trace.
        catch (Npgsql.PostgresException ex) when (ex.SqlState is Npgsql.PostgresErrorCodes.UndefinedTable or Npgsql.PostgresErrorCodes.UndefinedColumn)
        {
            await Console.Error.WriteLineAsync($"The database's schema is missing or older than this build ({ex.MessageText}). Run the migrate verb first.");
            return 1;
        }
        catch (Npgsql.NpgsqlException ex)
        {
            var detail = ex.InnerException is { } inner && !ex.Message.Contains(inner.Message, StringComparison.Ordinal) ? $" ({inner.Message})" : "";
            await Console.Error.WriteLineAsync($"{verb.Command.Name} failed: {ex.Message}{detail}. Check ConnectionStrings:Admin and that PostgreSQL is running.");
            return 1;
        }
    }

    /// <summary>A configuration key with a section path and a value: "--Section:Key=value", "Section:Key=value".</summary>
    private static bool IsConfiguration(string arg) => ConfigurationArgument().IsMatch(arg);

    [GeneratedRegex(@"^(--|/)?[A-Za-z_][\w.]*(:[\w.]+)+=")]
    private static partial Regex ConfigurationArgument();
}

using Admin.Data.Exports;
using Admin.Hosting;
using Admin.Security;

namespace Admin.Cli;

/// <summary>
/// Verbs of the app besides serving it: <c>migrate</c>, <c>seed</c>, ... Each builds a plain host (configuration,
/// logging, data services) without the web server, runs, and returns an exit code.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<CommandArgs, IServiceProvider, CancellationToken, Task<int>>> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["migrate"] = MigrateCommand.RunAsync,
        ["seed"] = SeedCommand.RunAsync,
        ["bench"] = BenchCommand.RunAsync,
        ["rollups"] = RollupsCommand.RunAsync,
        ["create-user"] = CreateUserCommand.RunAsync,
        ["create-api-key"] = CreateApiKeyCommand.RunAsync,
        ["export"] = ExportCommand.RunAsync,
    };

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.ContainsKey(args[0]);

    public static async Task<int> RunAsync(string[] args)
    {
        CommandArgs parsed;
        try
        {
            parsed = CommandArgs.Parse(args[1..]);
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(parsed.Remaining);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // EF logs the probe for a not-yet-created history table as an error; real failures surface as exceptions.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        // Verbs build indexes and load data: no per-statement limit (the web app keeps its own).
        builder.Configuration["Database:StatementTimeout"] = "00:00:00";
        builder.AddAdminData();
        builder.Services.AddExports(builder.Configuration);
        builder.Services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section));
        builder.Services.AddAdminIdentityCore();
        builder.Services.AddScoped<UserAccounts>();
        using var host = builder.Build();

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        // A stop from a supervisor (SIGTERM) cancels like Ctrl+C: loads roll back, exports remove their partial files.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; cts.Cancel(); });
        try
        {
            return await Verbs[args[0]](parsed, host.Services, cts.Token);
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 130;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or Microsoft.Extensions.Options.OptionsValidationException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }
}

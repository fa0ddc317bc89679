using Admin.Cli;
using Admin.Testing;

namespace Admin.Tests.Cli;

/// <summary>Runs a verb in-process against a test database, with the console captured (so kept out of parallel runs).</summary>
internal static class CliRunner
{
    public static async Task<(int Exit, string Output)> RunAsync(TestDatabase db, params string[] args)
    {
        var output = new StringWriter();
        var original = Console.Out;
        Console.SetOut(output);
        try
        {
            var exit = await CommandLine.RunAsync([.. args, $"--ConnectionStrings:Admin={db.ConnectionString}", "--Database:ConnectionString="]);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}

namespace Admin.Cli;

public static class SeedCommand
{
    public static Task<int> RunAsync(CommandArgs args, IServiceProvider services, CancellationToken ct)
    {
        Console.Error.WriteLine("seed: not implemented yet");
        return Task.FromResult(1);
    }
}

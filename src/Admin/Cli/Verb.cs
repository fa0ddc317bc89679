using System.CommandLine;

namespace Admin.Cli;

/// <summary>A maintenance verb: its command line (options and --help) and what it runs once the host is built.</summary>
public sealed record Verb(Command Command, Func<CommandArgs, IServiceProvider, CancellationToken, Task<int>> RunAsync);

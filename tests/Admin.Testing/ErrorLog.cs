using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Admin.Testing;

/// <summary>
/// What an app under test logged at Warning and above (with an exception's type, message and innermost frame; Blazor
/// logs a component's unhandled exception as a warning), so a test that fails on a symptom (a circuit torn down) can
/// say what the server saw.
/// </summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyCollection<string> Entries => _entries;

    public override string ToString() => _entries.IsEmpty ? "(the server logged no warning or error)" : "server warnings and errors:\n" + string.Join("\n", _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel) || log._entries.Count >= 50) return;
            var frame = exception?.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();
            log._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}" +
                (exception is null ? "" : $" [{exception.GetType().Name}: {exception.Message} {frame}]"));
        }
    }
}

namespace Admin.Testing;

/// <summary>A <see cref="StatementRecorder"/> assertion failed; the message lists the statements concerned.</summary>
public sealed class StatementAssertionException(string message, IReadOnlyList<string> statements)
    : Exception(message + Describe(statements))
{
    public IReadOnlyList<string> Statements { get; } = statements;

    private static string Describe(IReadOnlyList<string> statements) =>
        statements.Count == 0
            ? "."
            : ":" + string.Concat(statements.Select((s, i) => $"{Environment.NewLine}  [{i + 1}] {s.ReplaceLineEndings(" ")}"));
}

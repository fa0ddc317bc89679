namespace Admin.Data.Tests.Validation;

/// <summary>A clock that reads one instant, so "in the future" is decided the same way on every run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

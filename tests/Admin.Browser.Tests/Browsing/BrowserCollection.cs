namespace Admin.Browser.Tests.Browsing;

/// <summary>Every browser journey shares one Chromium; tests in a collection run one at a time (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

using Admin.Components.Grid;
using Bunit;

namespace Admin.Components.Tests.Grid;

public class ColumnChooserTests
{
    // Declared with an optional column between defaults: the chooser still lists the default set first.
    private static readonly IReadOnlyList<ColumnOption> Options =
        [new("time", "Time"), new("city", "City", IsDefault: false), new("risk", "Risk"), new("gender", "Gender", IsDefault: false)];

    private static IRenderedComponent<ColumnChooser> Render(BunitContext ctx, IReadOnlyCollection<string> visible, List<IReadOnlyList<string>> changes) =>
        ctx.Render<ColumnChooser>(p => p
            .Add(x => x.Columns, Options)
            .Add(x => x.Visible, visible)
            .Add(x => x.OnChange, (IReadOnlyList<string> keys) => changes.Add(keys)));

    private static List<string> Listed(IRenderedComponent<ColumnChooser> cut) =>
        cut.FindAll(".cc-option").Select(o => o.GetAttribute("data-column")!).ToList();

    [Fact]
    public async Task Opens_with_the_default_columns_first_and_reports_a_column_hidden_or_shown()
    {
        await using var ctx = ComponentContext.Create();
        var changes = new List<IReadOnlyList<string>>();
        var cut = Render(ctx, ["time", "risk"], changes);
        Assert.Empty(cut.FindAll("[data-testid=column-chooser]"));
        Assert.Equal("false", cut.Find("[data-testid=column-chooser-toggle]").GetAttribute("aria-expanded"));

        cut.Find("[data-testid=column-chooser-toggle]").Click();

        Assert.Equal("true", cut.Find("[data-testid=column-chooser-toggle]").GetAttribute("aria-expanded"));
        Assert.Equal(["time", "risk", "city", "gender"], Listed(cut));
        Assert.Equal([true, true, false, false], cut.FindAll(".cc-option input[type=checkbox]").Select(i => i.HasAttribute("checked")).ToList());

        cut.Find("[data-column=city] input").Change(true);
        cut.Find("[data-column=time] input").Change(false);

        Assert.Equal(["time", "city", "risk"], changes[0]);
        Assert.Equal(["risk"], changes[1]);
    }

    [Fact]
    public async Task The_last_shown_column_cannot_be_hidden_and_reset_returns_the_defaults()
    {
        await using var ctx = ComponentContext.Create();
        var changes = new List<IReadOnlyList<string>>();
        var cut = Render(ctx, ["city"], changes);
        cut.Find("[data-testid=column-chooser-toggle]").Click();

        Assert.True(cut.Find("[data-column=city] input").HasAttribute("disabled"));
        Assert.False(cut.Find("[data-column=risk] input").HasAttribute("disabled"));

        cut.Find("[data-testid=column-chooser-reset]").Click();

        Assert.Equal(["time", "risk"], Assert.Single(changes));
    }

    [Fact]
    public async Task The_defaults_need_no_reset()
    {
        await using var ctx = ComponentContext.Create();
        var cut = Render(ctx, ["risk", "time"], []);
        cut.Find("[data-testid=column-chooser-toggle]").Click();

        Assert.True(cut.Find("[data-testid=column-chooser-reset]").HasAttribute("disabled"));
        cut.Find("[data-testid=column-chooser-close]").Click();
        Assert.Empty(cut.FindAll("[data-testid=column-chooser]"));
    }
}

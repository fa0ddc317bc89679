using Admin.Components.Rendering;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Admin.Components.Tests.Rendering;

public class SteadyComponentTests
{
    // A steady child that shows its text, and counts its own renders.
    private sealed class Child : SteadyComponent
    {
        [Parameter] public string? Text { get; set; }
        // Types Blazor cannot tell unchanged (a list, a delegate): it hands them over again on every render of the parent.
        [Parameter] public IReadOnlyList<string> Items { get; set; } = [];
        [Parameter] public Func<string, string> Format { get; set; } = s => s;
        [Parameter] public EventCallback OnClick { get; set; }
        [Parameter] public RenderFragment? ChildContent { get; set; }
        public int Renders { get; private set; }

        public void Touch() => InvokeAsync(StateHasChanged);

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            Renders++;
            builder.OpenElement(0, "span");
            builder.AddContent(1, Format(Text + string.Concat(Items)));
            builder.AddContent(2, ChildContent);
            builder.CloseElement();
        }
    }

    // A plain parent: every render of it hands the child its parameters again.
    private sealed class Parent : ComponentBase
    {
        public string Text { get; set; } = "a";
        public IReadOnlyList<string> Items { get; set; } = ["1"];
        public string Inner { get; set; } = "x";
        public bool WithContent { get; set; }
        public bool LambdaHandler { get; set; }
        private int _clicks;

        public Task RenderAgain() => InvokeAsync(StateHasChanged);

        private void Clicked() => _clicks++;

        private string Upper(string s) => s.ToUpperInvariant();

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<Child>(0);
            builder.AddComponentParameter(1, nameof(Child.Text), Text);
            builder.AddComponentParameter(4, nameof(Child.Items), Items);
            builder.AddComponentParameter(5, nameof(Child.Format), (Func<string, string>)Upper);
            var local = _clicks;
            builder.AddComponentParameter(2, nameof(Child.OnClick), LambdaHandler
                ? EventCallback.Factory.Create(this, () => _clicks = local + 1)
                : EventCallback.Factory.Create(this, Clicked));
            if (WithContent) builder.AddComponentParameter(3, nameof(Child.ChildContent), (RenderFragment)(b => b.AddContent(0, Inner)));
            builder.CloseComponent();
        }
    }

    [Fact]
    public async Task A_parents_render_with_the_same_values_leaves_the_child_alone_and_a_changed_value_renders_it()
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<Parent>();
        var child = cut.FindComponent<Child>();
        Assert.Equal(1, child.Instance.Renders);

        await cut.Instance.RenderAgain();
        await cut.Instance.RenderAgain();
        Assert.Equal(1, child.Instance.Renders); // the same list, the parent's own methods as delegates: no render

        cut.Instance.Text = "b";
        await cut.Instance.RenderAgain();
        Assert.Equal(2, child.Instance.Renders);
        Assert.Equal("B1", child.Find("span").TextContent);

        cut.Instance.Items = ["2"]; // a new list is a change
        await cut.Instance.RenderAgain();
        Assert.Equal(3, child.Instance.Renders);
        Assert.Equal("B2", child.Find("span").TextContent);
    }

    [Fact]
    public async Task Its_own_renders_happen_as_always()
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<Parent>();
        var child = cut.FindComponent<Child>();
        child.Instance.Touch();
        child.WaitForAssertion(() => Assert.Equal(2, child.Instance.Renders));
    }

    [Fact]
    public async Task Child_content_and_a_lambda_over_the_parents_locals_count_as_changes()
    {
        await using var ctx = ComponentContext.Create();
        var cut = ctx.Render<Parent>();
        cut.Instance.WithContent = true;
        await cut.Instance.RenderAgain();
        var child = cut.FindComponent<Child>();
        Assert.Equal("A1x", child.Find("span").TextContent);
        var renders = child.Instance.Renders;

        // The fragment is the same method each time, yet reads the parent's state when it runs: it must render again.
        cut.Instance.Inner = "y";
        await cut.Instance.RenderAgain();
        Assert.Equal("A1y", child.Find("span").TextContent);
        Assert.Equal(renders + 1, child.Instance.Renders);

        cut.Instance.WithContent = false;
        cut.Instance.LambdaHandler = true;
        await cut.Instance.RenderAgain();
        renders = child.Instance.Renders;
        await cut.Instance.RenderAgain();
        Assert.Equal(renders + 1, child.Instance.Renders); // a new closure each render is a new handler
    }
}

using Helpdesk.Skills.Cli;
using Helpdesk.Skills.Tests.Troubleshooting.Support;

namespace Helpdesk.Skills.Tests.Troubleshooting;

public sealed class FlowsCliTests : IDisposable
{
    private const string GoodFlow = """
        id: good
        title: Good
        label: Good
        sounds_like: a good problem
        category: test
        priority: P3
        triggers: [good]
        start: start
        nodes:
          - id: start
            type: check
            text: Fixed?
            articles: [vpn-wont-connect]
            yes: done
            no: ticket
          - id: done
            type: outcome
            result: resolved
          - id: ticket
            type: outcome
            result: escalate
            reason: Still broken.
        """;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validate_ShippedFlows_ExitZero()
    {
        var (code, output, _) = Run("validate", Repo.FlowsDirectory);

        Assert.Equal(0, code);
        Assert.Contains("12 of 12 flow files valid (0 errors, 0 warnings)", output, StringComparison.Ordinal);
        Assert.Contains("KB references checked against", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenFlow_PrintsFileLineAndExitsOne()
    {
        _temp.Write("flows/good.yaml", GoodFlow);
        var broken = _temp.Write("flows/broken.yaml", GoodFlow.Replace("id: good", "id: broken", StringComparison.Ordinal).Replace("no: ticket", "no: tickt", StringComparison.Ordinal).Replace("vpn-wont-connect", "vpn-wont", StringComparison.Ordinal));

        var (code, output, _) = Run("validate", _temp.Sub("flows"), "--articles", Repo.Articles);

        Assert.Equal(1, code);
        Assert.Contains($"{broken}:13:16: error: unknown KB article 'vpn-wont'", output, StringComparison.Ordinal);
        Assert.Contains($"{broken}:15:9: error: 'start' leads to 'tickt', which is not a node in this flow (did you mean 'ticket'?)", output, StringComparison.Ordinal);
        Assert.Contains("1 of 2 flow files valid (3 errors, 0 warnings)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "frobnicate" }, 2)]
    [InlineData(new[] { "validate" }, 2)]
    [InlineData(new[] { "validate", "a", "--bogus" }, 2)]
    [InlineData(new[] { "mermaid", "a" }, 2)]
    [InlineData(new[] { "validate", "/no/such/folder" }, 1)]
    [InlineData(new[] { "help" }, 0)]
    public void Run_BadCommandLine_ClearErrorAndExitCode(string[] args, int expected)
    {
        var (code, output, error) = Run(args);

        Assert.Equal(expected, code);
        Assert.Contains(expected == 0 ? "commands:" : "flows", expected == 0 ? output : error, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_WritesPagesThenCheckSeesThemCurrent()
    {
        _temp.Write("flows/good.yaml", GoodFlow);
        var docs = _temp.Sub("docs");

        var (written, output, _) = Run("mermaid", _temp.Sub("flows"), "--out", docs);
        Assert.Equal(0, written);
        Assert.Contains("2 pages, 2 written, 0 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nflowchart TD\n", File.ReadAllText(Path.Combine(docs, "good.md")), StringComparison.Ordinal);
        Assert.Contains("](../flows/good.yaml)", File.ReadAllText(Path.Combine(docs, "good.md")), StringComparison.Ordinal);

        Assert.Equal(0, Run("mermaid", _temp.Sub("flows"), "--out", docs, "--check").Code);

        _temp.Write("flows/good.yaml", GoodFlow.Replace("Fixed?", "Fixed now?", StringComparison.Ordinal));
        var (stale, staleOutput, _) = Run("mermaid", _temp.Sub("flows"), "--out", docs, "--check");
        Assert.Equal(1, stale);
        Assert.Contains("good.md: out of date", staleOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Mermaid_InvalidFlows_RefusesAndExitsOne()
    {
        _temp.Write("flows/bad.yaml", GoodFlow.Replace("yes: done", "yes: nowhere", StringComparison.Ordinal));

        var (code, output, _) = Run("mermaid", _temp.Sub("flows"), "--out", _temp.Sub("docs"));

        Assert.Equal(1, code);
        Assert.Contains("fix the errors above first", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Sub("docs")));
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = FlowsCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

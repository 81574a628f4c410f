using Helpdesk.Skills.Troubleshooting.Loading;
using Helpdesk.Skills.Troubleshooting.Model;
using Helpdesk.Skills.Troubleshooting.Validation;

namespace Helpdesk.Skills.Tests.Troubleshooting;

public sealed class FlowValidatorTests
{
    private static readonly HashSet<string> Articles = new(["vpn-wont-connect", "printer-offline"], StringComparer.Ordinal);

    [Fact]
    public void Validate_GoodFlow_NoProblems()
    {
        Assert.Empty(Problems("""
            nodes:
              - id: start
                type: check
                text: Working?
                articles: [vpn-wont-connect]
                yes: fixed
                no: ticket
              - id: fixed
                type: outcome
                result: resolved
              - id: ticket
                type: outcome
                result: escalate
                reason: Broken.
            """));
    }

    [Fact]
    public void Validate_MissingReference_FileLineAndSuggestion()
    {
        var problem = Assert.Single(Problems("""
            nodes:
              - id: start
                type: check
                text: Working?
                yes: fixd
                no: fixed
              - id: fixed
                type: outcome
                result: resolved
            """));

        Assert.Equal("t.yaml:13:10: error: 'start' leads to 'fixd', which is not a node in this flow (did you mean 'fixed'?)", problem.ToString());
    }

    [Fact]
    public void Validate_MissingStart_Reported()
    {
        var problems = Problems("""
            nodes:
              - id: begin
                type: outcome
                result: resolved
            """);

        Assert.Contains(problems, p => p.Message.StartsWith("'start' points to 'start', which is not a node", StringComparison.Ordinal) && p.Location.Line == 8);
    }

    [Fact]
    public void Validate_UnreachableNode_ReportedAtTheNode()
    {
        var problem = Assert.Single(Problems("""
            nodes:
              - id: start
                type: outcome
                result: resolved
              - id: orphan
                type: outcome
                result: resolved
            """));

        Assert.Equal((13, "node 'orphan' can never be reached from start 'start' (nothing leads to it)"), (problem.Location.Line, problem.Message));
    }

    [Fact]
    public void Validate_CycleWithNoExit_Reported()
    {
        var problem = Assert.Single(Problems("""
            nodes:
              - id: start
                type: question
                text: Which?
                choices:
                  - label: Loop
                    next: a
                  - label: Done
                    next: done
              - id: a
                type: instructions
                text: Step A
                next: b
              - id: b
                type: check
                text: Step B?
                yes: a
                no: a
              - id: done
                type: outcome
                result: resolved
            """));

        Assert.Equal((18, "cycle with no exit: a → b → a never reaches an outcome"), (problem.Location.Line, problem.Message));
    }

    [Fact]
    public void Validate_CycleWithAnExit_Fine()
    {
        Assert.Empty(Problems("""
            nodes:
              - id: start
                type: instructions
                text: Try again
                next: check
              - id: check
                type: check
                text: Better?
                yes: done
                no: start
              - id: done
                type: outcome
                result: resolved
            """));
    }

    [Fact]
    public void Validate_DeadEnd_Reported()
    {
        var problems = Problems("""
            nodes:
              - id: start
                type: question
                text: Which?
                choices:
                  - label: A
                    next: nowhere
                  - label: B
                    next: done
              - id: done
                type: outcome
                result: resolved
              - id: stuck
                type: instructions
                text: Hmm
                next: gone
            """);

        Assert.Contains(problems, p => p.Message.StartsWith("'start' leads to 'nowhere'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message == "node 'stuck' can never be reached from start 'start' (nothing leads to it)");
    }

    [Fact]
    public void Validate_ReachableDeadEnd_Reported()
    {
        var problems = Problems("""
            nodes:
              - id: start
                type: check
                text: Which?
                yes: done
                no: stuck
              - id: done
                type: outcome
                result: resolved
              - id: stuck
                type: instructions
                text: Hmm
                next: gone
            """);

        Assert.Contains(problems, p => p.Message == "dead end: 'stuck' is not an outcome and leads nowhere" && p.Location.Line == 18);
    }

    [Fact]
    public void Validate_NoOutcomeAtAll_Reported()
    {
        var problems = Problems("""
            nodes:
              - id: start
                type: instructions
                text: Hmm
                next: start
            """);

        Assert.Contains(problems, p => p.Message.StartsWith("the flow has no outcome", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Message.Contains("leads to itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownArticle_ReportedAtTheReference()
    {
        var problem = Assert.Single(Problems("""
            nodes:
              - id: start
                type: instructions
                text: Read this
                articles: [vpn-wont-connect, printer-ofline]
                yes: done
                no: done
              - id: done
                type: outcome
                result: resolved
            """));

        Assert.Equal("t.yaml:13:34: error: unknown KB article 'printer-ofline': no article has this front-matter id (did you mean 'printer-offline'?)", problem.ToString());
    }

    [Fact]
    public void Validate_WithoutArticleIds_ReferencesNotChecked()
    {
        var flow = Load("""
            nodes:
              - id: start
                type: outcome
                result: resolved
                articles: [no-such-article]
            """);

        Assert.Empty(FlowValidator.Validate(flow));
        Assert.Single(FlowValidator.Validate(flow, Articles));
    }

    [Fact]
    public void Validate_DuplicateNodeIdAndChoice_Reported()
    {
        var problems = Problems("""
            nodes:
              - id: start
                type: question
                text: Which?
                choices:
                  - label: Yes please
                    next: done
                  - label: yes, please!
                    next: done
              - id: done
                type: outcome
                result: resolved
              - id: done
                type: outcome
                result: resolved
            """);

        Assert.Contains(problems, p => p.Message == "duplicate choice 'yes, please!' in 'start' (first at line 15)" && p.Location.Line == 17);
        Assert.Contains(problems, p => p.Message == "duplicate node id 'done' (first at line 18)" && p.Location.Line == 21);
    }

    [Fact]
    public void Validate_UnknownPlaceholder_Reported()
    {
        var problem = Assert.Single(Problems("""
            nodes:
              - id: start
                type: input
                text: Error?
                capture: error_message
                next: done
              - id: done
                type: outcome
                result: escalate
                reason: "Failed with {error_mesage} on {device.name} at {{literal}}"
            """));

        Assert.Equal("'done' uses the placeholder {error_mesage}, but no input node captures 'error_mesage' (and it is not a directory fact) (did you mean 'error_message'?)", problem.Message);
    }

    [Fact]
    public void Validate_DuplicateFlowIds_AcrossFiles()
    {
        var first = Load("nodes:\n  - id: start\n    type: outcome\n    result: resolved\n", "a.yaml");
        var second = Load("nodes:\n  - id: start\n    type: outcome\n    result: resolved\n", "b.yaml");

        var problem = Assert.Single(FlowValidator.Validate([first, second]));

        Assert.Equal("b.yaml:1:1: error: duplicate flow id 't' (also used by a.yaml)", problem.ToString());
    }

    private static IReadOnlyList<FlowProblem> Problems(string nodes)
    {
        var result = FlowLoader.Parse("t.yaml", Header + nodes);
        Assert.Empty(result.Problems);
        return FlowValidator.Validate([result.Flow!], Articles);
    }

    private static Flow Load(string nodes, string file = "t.yaml")
    {
        var result = FlowLoader.Parse(file, Header + nodes);
        Assert.Empty(result.Problems);
        return result.Flow!;
    }

    private const string Header = "id: t\ntitle: T\nlabel: T\nsounds_like: a test\ncategory: test\npriority: P3\ntriggers: [test]\nstart: start\n";
}

using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting.Loading;
using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Tests.Troubleshooting;

public sealed class FlowLoaderTests
{
    private const string Header = """
        id: demo
        title: Demo flow
        label: Demo
        sounds_like: a demo problem
        category: test/demo
        priority: P2
        triggers: [demo, demo broken]
        start: ask

        """;

    [Fact]
    public void Parse_EveryNodeKind_ReadWithLines()
    {
        var result = FlowLoader.Parse("demo.yaml", Header + """
            services: [VPN]
            nodes:
              - id: ask
                type: question
                text: Which one?
                choices:
                  - label: First
                    next: steps
                    synonyms: [one, "1st"]
                  - label: Second
                    next: check
              - id: steps
                type: instructions
                title: Do the thing
                text: |
                  1. Do this.
                  2. Then that.
                articles: [vpn-wont-connect]
                ask: Better now?
                yes: done
                no: what
              - id: check
                type: check
                text: Is it on?
                yes: look
                no: search
              - id: what
                type: input
                text: What does it say?
                capture: error_message
                optional: true
                next: escalate
              - id: look
                type: action
                action: lookup_user
                next: done
                not_found: escalate
              - id: search
                type: action
                action: search_kb
                query: "demo {error_message}"
                yes: done
                no: incidents
              - id: incidents
                type: action
                action: check_incidents
                services: [Email]
                next: ticket
              - id: ticket
                type: action
                action: escalate
                priority: P1
                reason: Needs a person.
              - id: done
                type: outcome
                result: resolved
                text: Fixed!
              - id: escalate
                type: outcome
                result: escalate
                category: test/other
                priority: p4
                reason: "Still broken: {error_message}"
            """);

        Assert.Empty(result.Problems);
        var flow = result.Flow!;
        Assert.Equal(["vpn"], flow.Services);
        Assert.Equal(TicketPriority.P2, flow.Priority);
        Assert.Equal(new SourceLocation("demo.yaml", 8, 8), flow.Start.Location);
        var ask = flow.Find("ask")!;
        Assert.Equal(FlowNodeKind.Question, ask.Kind);
        Assert.Equal(new SourceLocation("demo.yaml", 11, 5), ask.Location);
        Assert.Equal(["one", "1st"], ask.Choices[0].Synonyms);
        Assert.Equal(16, ask.Choices[0].Location.Line);
        var steps = flow.Find("steps")!;
        Assert.Equal("1. Do this.\n2. Then that.", steps.Text);
        Assert.Equal("Do the thing", steps.DisplayTitle);
        Assert.Equal("vpn-wont-connect", Assert.Single(steps.Articles).Id);
        Assert.Equal(("done", "what", "Better now?"), (steps.Yes!.Target, steps.No!.Target, steps.Ask));
        Assert.True(flow.Find("what")!.Optional);
        Assert.Equal("error_message", flow.Find("what")!.Capture);
        Assert.Equal((FlowActionKind.LookupUser, "escalate"), (flow.Find("look")!.Action!.Value, flow.Find("look")!.NotFound!.Target));
        Assert.Equal("demo {error_message}", flow.Find("search")!.Query);
        Assert.Equal(["email"], flow.Find("incidents")!.Services);
        Assert.True(flow.Find("ticket")!.IsTerminal);
        Assert.True(flow.Find("ticket")!.Escalates);
        Assert.Equal((FlowResult.Escalate, TicketPriority.P4, "test/other"), (flow.Find("escalate")!.Result!.Value, flow.Find("escalate")!.Priority!.Value, flow.Find("escalate")!.Category));
        Assert.Equal("Is it on?", flow.Find("check")!.DisplayTitle);
    }

    [Theory]
    [InlineData("priority: P5", 6, "priority must be P1, P2, P3 or P4, not 'P5'")]
    [InlineData("stray: value", 9, "unknown key 'stray' for a flow")]
    public void Parse_BadHeader_ReportedAtItsLine(string line, int expectedLine, string message)
    {
        var yaml = Header.Replace("priority: P2", line.StartsWith("priority", StringComparison.Ordinal) ? line : "priority: P2", StringComparison.Ordinal)
            + (line.StartsWith("stray", StringComparison.Ordinal) ? line + "\n" : string.Empty)
            + "nodes:\n  - id: ask\n    type: outcome\n    result: resolved\n";

        var problem = Assert.Single(FlowLoader.Parse("f.yaml", yaml).Problems);

        Assert.Equal(expectedLine, problem.Location.Line);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
        Assert.StartsWith($"f.yaml:{expectedLine}:", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingHeaders_AllReported()
    {
        var result = FlowLoader.Parse("f.yaml", "id: x\nstart: a\nnodes:\n  - id: a\n    type: outcome\n    result: resolved\n");

        Assert.Equal(
            ["title", "label", "sounds_like", "category", "priority", "triggers"],
            result.Problems.Select(p => System.Text.RegularExpressions.Regex.Match(p.Message, "^missing '([a-z_]+)'").Groups[1].Value));
        Assert.All(result.Problems, p => Assert.Equal(1, p.Location.Line));
        Assert.NotNull(result.Flow);
    }

    [Theory]
    [InlineData("    type: question\n    text: Q?\n    choices:\n      - label: Only\n        next: a\n", "a question needs at least two choices")]
    [InlineData("    type: instructions\n    text: Do it\n", "instructions need 'next' (a Done button) or both 'yes' and 'no'")]
    [InlineData("    type: instructions\n    text: Do it\n    next: a\n    yes: a\n    no: a\n", "instructions take either 'next'")]
    [InlineData("    type: check\n    text: Q?\n    yes: a\n", "missing 'no'")]
    [InlineData("    type: input\n    text: Q?\n    capture: Error Text\n    next: a\n", "capture names are lowercase words")]
    [InlineData("    type: action\n    action: reboot\n", "unknown action 'reboot'")]
    [InlineData("    type: action\n    action: search_kb\n    yes: a\n    no: a\n", "missing 'query'")]
    [InlineData("    type: outcome\n    result: escalate\n", "missing 'reason'")]
    [InlineData("    type: outcome\n    result: fixed\n", "unknown result 'fixed'")]
    [InlineData("    type: banana\n", "unknown node type 'banana'")]
    [InlineData("    type: check\n    text: Q?\n    yes: a\n    no: a\n    nxet: a\n", "unknown key 'nxet' for a check node")]
    [InlineData("    type: input\n    text: Q?\n    capture: x\n    next: a\n    optional: maybe\n", "'optional' must be true or false")]
    [InlineData("    type: check\n    text: [a, b]\n    yes: a\n    no: a\n", "'text' must be text, not a list")]
    public void Parse_BadNode_ReportedAtTheNode(string body, string message)
    {
        var yaml = Header.Replace("start: ask", "start: a", StringComparison.Ordinal)
            + "nodes:\n  - id: a\n    type: outcome\n    result: resolved\n  - id: bad\n" + body;

        var problem = Assert.Single(FlowLoader.Parse("f.yaml", yaml).Problems);

        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.InRange(problem.Location.Line, 13, 20);
    }

    [Fact]
    public void Parse_InvalidYaml_ReportedWithLine()
    {
        var problem = Assert.Single(FlowLoader.Parse("f.yaml", "id: x\ntitle: \"unclosed\nlabel: y\n").Problems);

        Assert.StartsWith("invalid YAML", problem.Message, StringComparison.Ordinal);
        Assert.True(problem.Location.Line >= 2);
    }

    [Theory]
    [InlineData("- just a list\n")]
    [InlineData("plain text\n")]
    public void Parse_NotAMapping_Reported(string yaml)
    {
        var result = FlowLoader.Parse("f.yaml", yaml);

        Assert.Null(result.Flow);
        Assert.Contains("must be a YAML mapping", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadIds_Reported()
    {
        var yaml = Header.Replace("id: demo", "id: Demo Flow", StringComparison.Ordinal) + "nodes:\n  - id: Ask_1\n    type: outcome\n    result: resolved\n";

        var problems = FlowLoader.Parse("f.yaml", yaml).Problems;

        Assert.Equal(2, problems.Count(p => p.Message.StartsWith("ids are lowercase letters", StringComparison.Ordinal)));
    }

    [Fact]
    public void LoadEmbedded_MatchesTheFlowsFolder()
    {
        var embedded = FlowLoader.LoadEmbedded();
        var folder = FlowLoader.LoadDirectory(Support.Repo.FlowsDirectory);

        Assert.Empty(embedded.Problems);
        Assert.Equal(folder.Flows.Select(f => f.Id), embedded.Flows.Select(f => f.Id));
        Assert.All(embedded.Flows, f => Assert.StartsWith("flows/", f.Location.File, StringComparison.Ordinal));
    }
}

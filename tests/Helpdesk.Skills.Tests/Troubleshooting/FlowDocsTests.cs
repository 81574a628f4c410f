using Helpdesk.Skills.Cli;
using Helpdesk.Skills.Tests.Troubleshooting.Support;
using Helpdesk.Skills.Troubleshooting.Diagrams;
using Helpdesk.Skills.Troubleshooting.Loading;

namespace Helpdesk.Skills.Tests.Troubleshooting;

public sealed class FlowDocsTests
{
    [Fact]
    public void Docs_Committed_MatchTheFlows()
    {
        var flows = FlowLoader.LoadDirectory(Repo.FlowsDirectory).Flows;
        var pages = FlowPages.Build(flows, Repo.FlowsDirectory, Repo.DocsDirectory);

        foreach (var (file, content) in pages)
        {
            var path = Path.Combine(Repo.DocsDirectory, file);
            Assert.True(File.Exists(path), $"{path} is missing: run {Regenerate}");
            Assert.True(string.Equals(content, File.ReadAllText(path), StringComparison.Ordinal), $"{path} is out of date: run {Regenerate}");
        }

        var expected = pages.Select(p => p.File).ToHashSet(StringComparer.Ordinal);
        var stray = Directory.EnumerateFiles(Repo.DocsDirectory, "*.md").Select(Path.GetFileName).Where(f => !expected.Contains(f!)).ToList();
        Assert.True(stray.Count == 0, $"pages for flows that no longer exist: {string.Join(", ", stray)}");
    }

    [Fact]
    public void Mermaid_ShapesEdgesAndEscapes()
    {
        var flow = FlowLoader.Parse("m.yaml", """
            id: m
            title: M
            label: M
            sounds_like: an m problem
            category: test
            priority: P3
            triggers: [m]
            start: q
            nodes:
              - id: q
                type: question
                text: Is it "on" | <off>?
                choices:
                  - label: Yes {really}
                    next: get-error
                  - label: No
                    next: look
              - id: get-error
                type: input
                text: Error?
                capture: error_message
                next: done
              - id: look
                type: action
                action: lookup_user
                title: Look up
                next: ticket
              - id: done
                type: outcome
                result: resolved
              - id: ticket
                type: outcome
                result: escalate
                priority: P2
                reason: Broken.
            """).Flow!;

        var mermaid = FlowDiagram.Mermaid(flow);

        Assert.StartsWith("flowchart TD\n  start((Start)) --> n_q\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n_q{\"Is it #quot;on#quot; #124; #lt;off#gt;?\"}\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n_get_error[/\"Error?<br/><i>saved as error_message</i>\"/]\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n_look[[\"lookup_user: Look up\"]]:::action\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n_done([\"Resolved: done\"]):::resolved\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n_ticket([\"Escalate P2: Broken.\"]):::escalate\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n_q -->|\"Yes #123;really#125;\"| n_get_error\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("  n_get_error --> n_done\n", mermaid, StringComparison.Ordinal);
    }

    private const string Regenerate = "dotnet run --project skills/Helpdesk.Skills.Cli -- mermaid skills/Helpdesk.Skills/Troubleshooting/flows --out docs/flows";
}

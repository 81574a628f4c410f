using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.Skills.Tests.Troubleshooting.Support;
using Helpdesk.Skills.Troubleshooting.Loading;
using Helpdesk.Skills.Troubleshooting.Model;
using Helpdesk.Skills.Troubleshooting.Validation;

namespace Helpdesk.Skills.Tests.Troubleshooting;

/// <summary>The same validation as <c>flows validate</c>, over the flows the bot ships with.</summary>
public sealed class ShippedFlowsTests
{
    [Fact]
    public void Validate_ShippedFlowsAgainstTheKnowledgeBase_NoProblems()
    {
        var loaded = FlowLoader.LoadDirectory(Repo.FlowsDirectory);
        var articleIds = ArticleLoader.Load([Repo.Articles]).Articles.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);

        var problems = loaded.Problems.Concat(FlowValidator.Validate(loaded.Flows, articleIds)).ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Shipped_CoverTheTopTierZeroProblems()
    {
        string[] required = ["vpn", "wifi", "printer", "outlook-crash", "outlook-mail-flow", "mfa", "teams-av", "onedrive", "slow-computer", "software-install", "bitlocker", "shared-drive"];

        Assert.Equal(required.Order(StringComparer.Ordinal), EmbeddedFlows.Catalog.Flows.Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.Empty(EmbeddedFlows.Catalog.Problems);
    }

    [Fact]
    public void Shipped_EveryFlowEndsBothWaysAndUsesTheKnowledgeBase()
    {
        foreach (var flow in EmbeddedFlows.Catalog.Flows)
        {
            Assert.True(flow.Nodes.Any(n => n.IsTerminal && !n.Escalates), $"{flow.Id} has no resolved outcome");
            Assert.True(flow.Nodes.Any(n => n.Escalates), $"{flow.Id} has no escalate outcome");
            Assert.True(flow.Nodes.Any(n => n.Articles.Count > 0 || n.Action == FlowActionKind.SearchKnowledge), $"{flow.Id} refers to no KB article");
            Assert.True(flow.Triggers.Count >= 5, $"{flow.Id} has few trigger phrases");
        }
    }

    [Fact]
    public void Shipped_UseEveryNodeKindAndAction()
    {
        var nodes = EmbeddedFlows.Catalog.Flows.SelectMany(f => f.Nodes).ToList();

        Assert.Equal(Enum.GetValues<FlowNodeKind>().Order(), nodes.Select(n => n.Kind).Distinct().Order());
        Assert.Equal(Enum.GetValues<FlowActionKind>().Where(a => a != FlowActionKind.Escalate).Order(), nodes.Where(n => n.Action is not null).Select(n => n.Action!.Value).Distinct().Order());
    }
}

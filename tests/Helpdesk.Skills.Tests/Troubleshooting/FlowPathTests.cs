using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Tests.Troubleshooting.Support;
using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Tests.Troubleshooting;

/// <summary>
/// Generated from the shipped flows: every path of every flow, driven through the real dialog as a conversation
/// (button texts as the user's replies), must show each step with its buttons, record every answer as a step tried,
/// and end with the outcome the flow file says — with every placeholder of the escalation reason filled.
/// </summary>
public sealed class FlowPathTests
{
    public static TheoryData<string, int> Paths()
    {
        var data = new TheoryData<string, int>();
        foreach (var flow in EmbeddedFlows.Catalog.Flows)
        {
            var count = FlowPaths.Enumerate(flow).Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(flow.Id, i);
            }
        }

        return data;
    }

    [Fact]
    public void Enumerate_EveryShippedFlow_ReachesEveryOutcome()
    {
        foreach (var flow in EmbeddedFlows.Catalog.Flows)
        {
            var reached = FlowPaths.Enumerate(flow).Select(p => p.Outcome.Id).ToHashSet(StringComparer.Ordinal);
            var outcomes = flow.Nodes.Where(n => n.IsTerminal).Select(n => n.Id);
            Assert.All(outcomes, o => Assert.True(reached.Contains(o), $"{flow.Id}: no path reaches the outcome '{o}'"));
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Path_DrivenThroughTheDialog_EndsWithItsOutcome(string flowId, int index)
    {
        var flow = EmbeddedFlows.Get(flowId);
        var path = FlowPaths.Enumerate(flow)[index];
        var directory = new FixedUserDirectory(path.DirectoryFindsUser ? FixedUserDirectory.Ada : null);
        var harness = TroubleshootingHarness.ForFlow(flowId, directory: directory, knowledge: SharedKnowledge.Instance);

        var conversation = harness.Flow().Send(flow.Triggers[0]);
        var canGoBack = false;
        foreach (var step in path.Steps)
        {
            var shown = step.Node;
            var back = canGoBack;
            conversation = conversation
                .Do(() => AssertShown(harness, shown, back), $"{shown.Id} is shown")
                .Send(step.Reply);
            canGoBack = true;
        }

        await conversation.Do(() => AssertFinished(harness), "the flow ends").StartTestAsync();

        AssertOutcome(path, harness);
        AssertStepsTried(path, harness.CaseFile);
    }

    private static Task AssertShown(TroubleshootingHarness harness, FlowNode node, bool canGoBack)
    {
        var replies = harness.Adapter.TakeReplies();
        Assert.True(harness.Active, $"the dialog ended before showing '{node.Id}'");
        var prompt = replies.LastOrDefault() ?? throw new Xunit.Sdk.XunitException($"nothing was sent for '{node.Id}'");
        var expectedButtons = ExpectedButtons(node).Concat(canGoBack ? ["Back"] : []).Append("This didn't help");
        Assert.Equal(expectedButtons, prompt.SuggestedActions?.Actions?.Select(a => a.Title) ?? []);
        if (node.Action == FlowActionKind.SearchKnowledge)
        {
            Assert.Contains("Did one of these solve it?", prompt.Text, StringComparison.Ordinal);
        }
        else
        {
            var firstLine = (node.Text ?? node.DisplayTitle).Split('\n')[0];
            var literal = firstLine.Split('{')[0].Trim();
            Assert.Contains(literal, prompt.Text, StringComparison.Ordinal);
        }

        return Task.CompletedTask;
    }

    private static Task AssertFinished(TroubleshootingHarness harness)
    {
        var replies = harness.Adapter.TakeReplies();
        Assert.False(harness.Active, "the dialog is still waiting after the last answer");
        Assert.NotEmpty(replies);
        Assert.All(replies, r => Assert.Null(r.SuggestedActions));
        return Task.CompletedTask;
    }

    private static IEnumerable<string> ExpectedButtons(FlowNode node) => node.Kind switch
    {
        FlowNodeKind.Question => node.Choices.Select(c => c.Label),
        FlowNodeKind.Instructions when node.Next is not null => ["Done"],
        FlowNodeKind.Input => node.Optional ? ["Skip"] : [],
        _ => ["Yes", "No"],
    };

    private static void AssertOutcome(FlowPath path, TroubleshootingHarness harness)
    {
        var outcome = Assert.Single(harness.Outcomes);
        var node = path.Outcome;
        if (!node.Escalates)
        {
            Assert.Equal(SkillOutcome.Resolved, outcome);
            return;
        }

        Assert.Equal(SkillOutcomeKind.Escalate, outcome.Kind);
        var escalation = outcome.Escalation!;
        Assert.Equal(EscalationTrigger.FlowEscalated, escalation.Trigger);
        Assert.Equal(node.Category ?? path.Flow.Category, escalation.Category);
        Assert.Equal(node.Priority ?? path.Flow.Priority, escalation.Priority);
        Assert.Equal(FlowPlaceholders.Fill(node.Reason!, harness.CaseFile.Captured), escalation.Reason);
        Assert.DoesNotContain("{", escalation.Reason, StringComparison.Ordinal);
        foreach (var name in FlowPlaceholders.Names(node.Reason))
        {
            var captured = path.Steps.Any(s => s.Node.Capture == name) || (path.DirectoryFindsUser && FlowPlaceholders.DirectoryFacts.Contains(name));
            if (captured)
            {
                Assert.DoesNotContain($"{FlowPlaceholders.NotGiven}", Fill(name, harness), StringComparison.Ordinal);
            }
        }
    }

    private static string Fill(string name, TroubleshootingHarness harness) =>
        FlowPlaceholders.Fill("{" + name + "}", harness.CaseFile.Captured);

    private static void AssertStepsTried(FlowPath path, CaseFile caseFile)
    {
        var answered = caseFile.StepsTried.Where(s => s.Answer is not null).ToList();
        Assert.Equal(path.Steps.Count, answered.Count);
        for (var i = 0; i < path.Steps.Count; i++)
        {
            var expected = path.Steps[i];
            Assert.Equal($"troubleshooting:{path.Flow.Id}", answered[i].Source);
            Assert.Equal(expected.Reply, answered[i].Answer);
            if (expected.Node.Action != FlowActionKind.SearchKnowledge)
            {
                Assert.Equal(FlowPlaceholders.Fill(expected.Node.DisplayTitle, caseFile.Captured), answered[i].Step);
            }
        }

        Assert.Contains(caseFile.StepsTried, s => s.Step.StartsWith(path.Outcome.Escalates ? "Outcome: escalated" : "Outcome: resolved", StringComparison.Ordinal));
    }
}

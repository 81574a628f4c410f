using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Troubleshooting.Validation;

/// <summary>
/// Checks loaded flows as a whole: duplicate ids (nodes in a flow, flows across files), references to nodes that
/// don't exist, unreachable nodes, dead ends, cycles with no way out, unknown KB articles, unknown placeholders and
/// duplicate answers. Every problem names the file and line to fix.
/// </summary>
public static class FlowValidator
{
    /// <summary>Validates <paramref name="flows"/>; KB references are checked when <paramref name="articleIds"/> is given.</summary>
    public static IReadOnlyList<FlowProblem> Validate(IReadOnlyList<Flow> flows, IReadOnlySet<string>? articleIds = null)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var problems = new List<FlowProblem>();
        var flowIds = new Dictionary<string, Flow>(StringComparer.Ordinal);
        foreach (var flow in flows)
        {
            if (!flowIds.TryAdd(flow.Id, flow))
            {
                problems.Add(Error(flow.Location, $"duplicate flow id '{flow.Id}' (also used by {flowIds[flow.Id].Location.File})"));
            }

            ValidateFlow(flow, articleIds, problems);
        }

        ValidateTriggers(flows, problems);
        return problems;
    }

    /// <summary>The problems of one flow on its own (no cross-flow checks).</summary>
    public static IReadOnlyList<FlowProblem> Validate(Flow flow, IReadOnlySet<string>? articleIds = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var problems = new List<FlowProblem>();
        ValidateFlow(flow, articleIds, problems);
        return problems;
    }

    private static void ValidateFlow(Flow flow, IReadOnlySet<string>? articleIds, List<FlowProblem> problems)
    {
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        foreach (var node in flow.Nodes)
        {
            if (!nodes.TryAdd(node.Id, node))
            {
                problems.Add(Error(node.Location, $"duplicate node id '{node.Id}' (first at line {nodes[node.Id].Location.Line})"));
            }
        }

        // References.
        if (!nodes.ContainsKey(flow.Start.Target))
        {
            problems.Add(Error(flow.Start.Location, $"'start' points to '{flow.Start.Target}', which is not a node in this flow{Suggestion(flow.Start.Target, nodes.Keys)}"));
        }

        foreach (var node in flow.Nodes)
        {
            foreach (var edge in node.Edges)
            {
                if (!nodes.ContainsKey(edge.Target))
                {
                    problems.Add(Error(edge.Location, $"'{node.Id}' leads to '{edge.Target}', which is not a node in this flow{Suggestion(edge.Target, nodes.Keys)}"));
                }
                else if (string.Equals(edge.Target, node.Id, StringComparison.Ordinal))
                {
                    problems.Add(Error(edge.Location, $"'{node.Id}' leads to itself; go back with the Back button instead"));
                }
            }

            ValidateAnswers(node, problems);
            ValidateArticles(node, articleIds, problems);
        }

        ValidatePlaceholders(flow, problems);
        ValidateGraph(flow, nodes, problems);
    }

    private static void ValidateGraph(Flow flow, Dictionary<string, FlowNode> nodes, List<FlowProblem> problems)
    {
        IEnumerable<string> Successors(FlowNode node) =>
            node.Edges.Select(e => e.Target).Where(t => nodes.ContainsKey(t) && !string.Equals(t, node.Id, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);

        // Reachable from the start.
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        if (nodes.ContainsKey(flow.Start.Target))
        {
            var queue = new Queue<string>([flow.Start.Target]);
            reachable.Add(flow.Start.Target);
            while (queue.TryDequeue(out var id))
            {
                foreach (var next in Successors(nodes[id]))
                {
                    if (reachable.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
        }

        foreach (var node in nodes.Values.Where(n => !reachable.Contains(n.Id)))
        {
            problems.Add(Error(node.Location, $"node '{node.Id}' can never be reached from start '{flow.Start.Target}' (nothing leads to it)"));
        }

        if (!flow.Nodes.Any(n => n.IsTerminal))
        {
            problems.Add(Error(flow.Location, "the flow has no outcome: add at least one node of type outcome (resolved or escalate)"));
            return;
        }

        // Nodes that can reach an outcome (walking the edges backwards from every terminal node).
        var predecessors = nodes.Values.SelectMany(n => Successors(n).Select(s => (From: n.Id, To: s)))
            .ToLookup(e => e.To, e => e.From, StringComparer.Ordinal);
        var canFinish = new HashSet<string>(nodes.Values.Where(n => n.IsTerminal).Select(n => n.Id), StringComparer.Ordinal);
        var pending = new Queue<string>(canFinish);
        while (pending.TryDequeue(out var id))
        {
            foreach (var previous in predecessors[id])
            {
                if (canFinish.Add(previous))
                {
                    pending.Enqueue(previous);
                }
            }
        }

        var stuck = nodes.Values.Where(n => reachable.Contains(n.Id) && !canFinish.Contains(n.Id)).ToList();
        if (stuck.Count == 0)
        {
            return;
        }

        var stuckIds = stuck.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in stuck.Where(n => !Successors(n).Any()))
        {
            reported.Add(node.Id);
            problems.Add(Error(node.Location, $"dead end: '{node.Id}' is not an outcome and leads nowhere"));
        }

        foreach (var cycle in StronglyConnected(stuck, n => Successors(n).Where(stuckIds.Contains).Select(s => nodes[s])))
        {
            if (cycle.Count < 2)
            {
                continue;
            }

            var first = cycle.OrderBy(n => n.Location.Line).First();
            var path = CyclePath(first, cycle, n => Successors(n).Select(s => nodes[s]));
            foreach (var member in cycle)
            {
                reported.Add(member.Id);
            }

            problems.Add(Error(first.Location, $"cycle with no exit: {string.Join(" → ", path)} never reaches an outcome"));
        }

        foreach (var node in stuck.Where(n => !reported.Contains(n.Id)))
        {
            problems.Add(Error(node.Location, $"no outcome can be reached from '{node.Id}' (every way on ends in a dead end or a cycle with no exit)"));
        }
    }

    private static void ValidateAnswers(FlowNode node, List<FlowProblem> problems)
    {
        var labels = new Dictionary<string, FlowChoice>(StringComparer.Ordinal);
        foreach (var choice in node.Choices)
        {
            var key = TextNormalizer.Normalize(choice.Label);
            if (key.Length == 0)
            {
                problems.Add(Error(choice.Location, $"choice label '{choice.Label}' has no letters or digits"));
            }
            else if (!labels.TryAdd(key, choice))
            {
                problems.Add(Error(choice.Location, $"duplicate choice '{choice.Label}' in '{node.Id}' (first at line {labels[key].Location.Line})"));
            }
        }
    }

    private static void ValidateArticles(FlowNode node, IReadOnlySet<string>? articleIds, List<FlowProblem> problems)
    {
        if (articleIds is null)
        {
            return;
        }

        foreach (var article in node.Articles)
        {
            if (!articleIds.Contains(article.Id))
            {
                problems.Add(Error(article.Location, $"unknown KB article '{article.Id}': no article has this front-matter id{Suggestion(article.Id, articleIds)}"));
            }
        }
    }

    private static void ValidatePlaceholders(Flow flow, List<FlowProblem> problems)
    {
        var known = flow.Nodes.Where(n => n.Capture is not null).Select(n => n.Capture!)
            .Concat(FlowPlaceholders.DirectoryFacts)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var node in flow.Nodes)
        {
            foreach (var text in new[] { node.Text, node.Query, node.Reason, node.Ask })
            {
                foreach (var name in FlowPlaceholders.Names(text))
                {
                    if (!known.Contains(name))
                    {
                        problems.Add(Error(node.Location, $"'{node.Id}' uses the placeholder {{{name}}}, but no input node captures '{name}' (and it is not a directory fact){Suggestion(name, known)}"));
                    }
                }
            }
        }
    }

    private static void ValidateTriggers(IReadOnlyList<Flow> flows, List<FlowProblem> problems)
    {
        // A phrase shared by two flows is allowed on purpose ("outlook"): the bot then asks which one is meant.
        foreach (var flow in flows)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var trigger in flow.Triggers)
            {
                var key = TextNormalizer.Normalize(trigger);
                if (key.Length == 0)
                {
                    problems.Add(Error(flow.Location, $"trigger '{trigger}' has no letters or digits"));
                }
                else if (!seen.Add(key))
                {
                    problems.Add(new FlowProblem(flow.Location, FlowProblemSeverity.Warning, $"trigger '{trigger}' is listed twice"));
                }
            }
        }
    }

    /// <summary>Tarjan's strongly connected components.</summary>
    private static List<List<FlowNode>> StronglyConnected(IReadOnlyList<FlowNode> nodes, Func<FlowNode, IEnumerable<FlowNode>> successors)
    {
        var index = 0;
        var indices = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowLinks = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<FlowNode>();
        var components = new List<List<FlowNode>>();

        void Visit(FlowNode node)
        {
            indices[node.Id] = lowLinks[node.Id] = index++;
            stack.Push(node);
            onStack.Add(node.Id);
            foreach (var next in successors(node))
            {
                if (!indices.ContainsKey(next.Id))
                {
                    Visit(next);
                    lowLinks[node.Id] = Math.Min(lowLinks[node.Id], lowLinks[next.Id]);
                }
                else if (onStack.Contains(next.Id))
                {
                    lowLinks[node.Id] = Math.Min(lowLinks[node.Id], indices[next.Id]);
                }
            }

            if (lowLinks[node.Id] == indices[node.Id])
            {
                var component = new List<FlowNode>();
                FlowNode member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member.Id);
                    component.Add(member);
                }
                while (!ReferenceEquals(member, node));
                components.Add(component);
            }
        }

        foreach (var node in nodes)
        {
            if (!indices.ContainsKey(node.Id))
            {
                Visit(node);
            }
        }

        return components;
    }

    /// <summary>A walk around the cycle from <paramref name="first"/> back to it, for the message.</summary>
    private static List<string> CyclePath(FlowNode first, List<FlowNode> cycle, Func<FlowNode, IEnumerable<FlowNode>> successors)
    {
        var members = cycle.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var path = new List<string> { first.Id };
        var current = first;
        var visited = new HashSet<string>(StringComparer.Ordinal) { first.Id };
        while (true)
        {
            var inCycle = successors(current).Where(n => members.Contains(n.Id)).ToList();
            var next = inCycle.FirstOrDefault(n => string.Equals(n.Id, first.Id, StringComparison.Ordinal) && path.Count > 1)
                ?? inCycle.FirstOrDefault(n => !visited.Contains(n.Id))
                ?? inCycle.First();
            path.Add(next.Id);
            if (!visited.Add(next.Id))
            {
                return path;
            }

            current = next;
        }
    }

    private static string Suggestion(string word, IEnumerable<string> candidates) =>
        EditDistance.Suggest(word, candidates) is { } suggestion ? $" (did you mean '{suggestion}'?)" : string.Empty;

    private static FlowProblem Error(SourceLocation location, string message) => new(location, FlowProblemSeverity.Error, message);
}

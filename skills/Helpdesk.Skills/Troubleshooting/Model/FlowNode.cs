using Helpdesk.Skills.Cases;

namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>
/// One step of a flow. Which members are set depends on <see cref="Kind"/> (and <see cref="Action"/>): the loader
/// reads only the keys a kind allows, and the validator checks the required ones are there.
/// </summary>
public sealed record FlowNode
{
    /// <summary>Unique within the flow; what <c>next</c>, <c>yes</c>, <c>no</c> and choices point at.</summary>
    public required string Id { get; init; }

    public required FlowNodeKind Kind { get; init; }

    /// <summary>Where the node starts in its file.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>A short name for the "steps tried" list and the diagram; the first line of <see cref="Text"/> when absent.</summary>
    public string? Title { get; init; }

    /// <summary>What the user sees (Markdown). Placeholders such as <c>{error_message}</c> are filled from captured values.</summary>
    public string? Text { get; init; }

    /// <summary>Knowledge-base articles shown with the step.</summary>
    public IReadOnlyList<ArticleReference> Articles { get; init; } = [];

    /// <summary>Question: the answers.</summary>
    public IReadOnlyList<FlowChoice> Choices { get; init; } = [];

    /// <summary>Instructions ("Done"), input, <c>check_incidents</c> and <c>lookup_user</c>: the next node.</summary>
    public FlowEdge? Next { get; init; }

    /// <summary>Check, instructions ("Did that fix it?") and <c>search_kb</c>: where "yes" leads.</summary>
    public FlowEdge? Yes { get; init; }

    /// <summary>Check, instructions ("Did that fix it?") and <c>search_kb</c>: where "no" leads.</summary>
    public FlowEdge? No { get; init; }

    /// <summary><c>lookup_user</c>: where to go when the directory does not know the user (else <see cref="Next"/>).</summary>
    public FlowEdge? NotFound { get; init; }

    /// <summary>Instructions with yes/no: the question asked after the steps (default "Did that fix it?").</summary>
    public string? Ask { get; init; }

    /// <summary>Input: the name the answer is captured under (e.g. <c>error_message</c>).</summary>
    public string? Capture { get; init; }

    /// <summary>Input: the user may skip it.</summary>
    public bool Optional { get; init; }

    public FlowActionKind? Action { get; init; }

    /// <summary><c>search_kb</c>: what to search for (placeholders allowed).</summary>
    public string? Query { get; init; }

    /// <summary><c>check_incidents</c>: the services to check (the flow's own when empty).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    public FlowResult? Result { get; init; }

    /// <summary>Escalation: ticket category (the flow's when null).</summary>
    public string? Category { get; init; }

    /// <summary>Escalation: priority (the flow's when null).</summary>
    public TicketPriority? Priority { get; init; }

    /// <summary>Escalation: one line for the agent (placeholders allowed).</summary>
    public string? Reason { get; init; }

    /// <summary>True for a node that ends the flow.</summary>
    public bool IsTerminal => Kind == FlowNodeKind.Outcome || (Kind == FlowNodeKind.Action && Action == FlowActionKind.Escalate);

    /// <summary>True when the node ends the flow with an escalation.</summary>
    public bool Escalates => (Kind == FlowNodeKind.Outcome && Result == FlowResult.Escalate) || (Kind == FlowNodeKind.Action && Action == FlowActionKind.Escalate);

    /// <summary>Every way out of the node, in the order they are offered.</summary>
    public IEnumerable<FlowEdge> Edges
    {
        get
        {
            foreach (var choice in Choices)
            {
                yield return new FlowEdge(choice.Label, choice.Next, choice.Location);
            }

            foreach (var edge in new[] { Yes, No, Next, NotFound })
            {
                if (edge is not null)
                {
                    yield return edge;
                }
            }
        }
    }

    /// <summary><see cref="Title"/>, else the first line of the text without Markdown, else the id.</summary>
    public string DisplayTitle => Title ?? FirstLine(Text) ?? Id;

    private static string? FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? string.Empty;
        line = line.TrimStart('#', '-', '*', '>', ' ').Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        return line.Length > 80 ? line[..77].TrimEnd() + "…" : line;
    }
}

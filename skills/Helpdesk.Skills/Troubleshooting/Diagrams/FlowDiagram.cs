using System.Text;
using Helpdesk.Skills.Troubleshooting.Loading;
using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Troubleshooting.Diagrams;

/// <summary>
/// A Mermaid flowchart of a flow: questions and checks as diamonds, steps as boxes, inputs as parallelograms,
/// built-in actions as subroutines, outcomes as green (resolved) or red (escalate) pills. Deterministic, so the
/// committed diagrams can be checked for staleness.
/// </summary>
public static class FlowDiagram
{
    private const int MaxLabel = 60;

    public static string Mermaid(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var text = new StringBuilder();
        text.Append("flowchart TD\n");
        text.Append("  start((Start)) --> ").Append(NodeId(flow.Start.Target)).Append('\n');
        foreach (var node in flow.Nodes)
        {
            text.Append("  ").Append(Shape(node)).Append('\n');
        }

        foreach (var node in flow.Nodes)
        {
            foreach (var edge in node.Edges)
            {
                text.Append("  ").Append(NodeId(node.Id));
                text.Append(edge.Label is null ? " --> " : $" -->|\"{Escape(Short(edge.Label))}\"| ");
                text.Append(NodeId(edge.Target)).Append('\n');
            }
        }

        text.Append("  classDef resolved fill:#dff6dd,stroke:#107c10,color:#0b3d0b\n");
        text.Append("  classDef escalate fill:#fde7e9,stroke:#a4262c,color:#4a0e12\n");
        text.Append("  classDef action fill:#e8f1fb,stroke:#0f6cbd,color:#06315c\n");
        return text.ToString();
    }

    private static string Shape(FlowNode node)
    {
        var id = NodeId(node.Id);
        var title = Escape(Short(node.DisplayTitle));
        return node.Kind switch
        {
            FlowNodeKind.Question or FlowNodeKind.Check => $"{id}{{\"{title}\"}}",
            FlowNodeKind.Instructions when node.Yes is not null => $"{id}[\"{title}<br/><i>{Escape(Short(node.Ask ?? "Did that fix it?"))}</i>\"]",
            FlowNodeKind.Instructions => $"{id}[\"{title}\"]",
            FlowNodeKind.Input => $"{id}[/\"{title}<br/><i>saved as {node.Capture}</i>\"/]",
            FlowNodeKind.Action when node.Action == FlowActionKind.Escalate => $"{id}([\"Escalate {Priority(node)}: {Escape(Short(node.Reason ?? node.DisplayTitle))}\"]):::escalate",
            FlowNodeKind.Action => $"{id}[[\"{FlowLoader.ActionName(node.Action!.Value)}: {title}\"]]:::action",
            _ when node.Result == FlowResult.Escalate => $"{id}([\"Escalate {Priority(node)}: {Escape(Short(node.Reason ?? node.DisplayTitle))}\"]):::escalate",
            _ => $"{id}([\"Resolved: {title}\"]):::resolved",
        };
    }

    private static string Priority(FlowNode node) => node.Priority is { } priority ? priority.ToString() : "(flow default)";

    private static string NodeId(string id) => "n_" + id.Replace('-', '_');

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > MaxLabel ? line[..(MaxLabel - 1)].TrimEnd() + "…" : line;
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '|' => "#124;",
                '{' => "#123;",
                '}' => "#125;",
                '*' or '`' => string.Empty,
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}

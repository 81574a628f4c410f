using System.Collections.Frozen;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Skills.Troubleshooting.Model;

/// <summary>
/// A guided-troubleshooting flow for one problem, as IT staff write it in YAML
/// (<c>skills/Helpdesk.Skills/Troubleshooting/flows/*.yaml</c>): the steps a good Tier-1 technician takes, ending
/// <c>resolved</c> or <c>escalate</c>.
/// </summary>
public sealed class Flow
{
    private FrozenDictionary<string, FlowNode>? _byId;

    /// <summary>Unique flow id (lowercase, dashes), e.g. <c>vpn</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Full name, e.g. "VPN won't connect or keeps dropping".</summary>
    public required string Title { get; init; }

    /// <summary>The short button text in the "Fix a problem" picker, e.g. "VPN".</summary>
    public required string Label { get; init; }

    /// <summary>Finishes "Sounds like …, shall we troubleshoot it together?", e.g. "a VPN problem".</summary>
    public required string SoundsLike { get; init; }

    /// <summary>Ticket category for escalations, e.g. <c>network/vpn</c>.</summary>
    public required string Category { get; init; }

    /// <summary>Default escalation priority.</summary>
    public required TicketPriority Priority { get; init; }

    /// <summary>Services whose active incidents are shown before troubleshooting starts (e.g. <c>vpn</c>).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Phrases that start the flow from free text ("vpn keeps disconnecting").</summary>
    public IReadOnlyList<string> Triggers { get; init; } = [];

    /// <summary>The first node.</summary>
    public required FlowEdge Start { get; init; }

    /// <summary>The steps, in file order.</summary>
    public IReadOnlyList<FlowNode> Nodes { get; init; } = [];

    /// <summary>Where the flow was read from.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The node <paramref name="id"/>, or null.</summary>
    public FlowNode? Find(string? id)
    {
        if (id is null)
        {
            return null;
        }

        _byId ??= Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return _byId.GetValueOrDefault(id);
    }
}

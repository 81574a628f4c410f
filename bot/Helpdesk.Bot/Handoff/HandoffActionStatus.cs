namespace Helpdesk.Bot.Handoff;

/// <summary>How an agent's action on a case went.</summary>
internal enum HandoffActionStatus
{
    Ok,
    NotFound,

    /// <summary>The case is not in a state that allows it (already claimed, closed…).</summary>
    Conflict,

    /// <summary>Another agent owns the case.</summary>
    Forbidden,
}

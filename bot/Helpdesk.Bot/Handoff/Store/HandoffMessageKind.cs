namespace Helpdesk.Bot.Handoff.Store;

/// <summary>Who wrote a case message.</summary>
internal enum HandoffMessageKind
{
    /// <summary>The user (while waiting: added information; while active: chat).</summary>
    User,

    /// <summary>The agent, sent to the user.</summary>
    Agent,

    /// <summary>An internal note: agents only, never sent to the user.</summary>
    Note,

    /// <summary>What happened (claimed, transferred, resolved…).</summary>
    System,
}

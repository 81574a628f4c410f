namespace Helpdesk.Bot.Handoff.Store;

/// <summary>Where a handoff case is in its life. Stored as the lowercase constants of <see cref="HandoffStatuses"/>.</summary>
internal enum HandoffStatus
{
    /// <summary>In the built-in queue, waiting for an agent.</summary>
    Waiting,

    /// <summary>Claimed: an agent and the user are chatting; the bot stays quiet.</summary>
    Active,

    /// <summary>Handed to a contact-center hub with <c>handoff.initiate</c>; the bot stays quiet until <c>handoff.status</c> completed.</summary>
    Hub,

    /// <summary>The agent resolved it.</summary>
    Resolved,

    /// <summary>The user cancelled while waiting.</summary>
    Cancelled,

    /// <summary>The agent (or the hub) gave the conversation back to the bot.</summary>
    Returned,
}

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>What became of a proactive message.</summary>
internal enum ProactiveSendResult
{
    /// <summary>Delivered to the channel.</summary>
    Sent,

    /// <summary>Not delivered: the conversation is gone (now or before); its reference is marked dead.</summary>
    ConversationGone,

    /// <summary>Not delivered, for a reason that may pass (throttling, an outage); the reference stays alive.</summary>
    Failed,

    /// <summary>No reference is stored for that conversation or user.</summary>
    NoReference,
}

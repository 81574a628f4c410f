namespace Helpdesk.Bot.Handoff;

/// <summary>
/// Names of the Bot Framework handoff protocol (the <c>handoff.initiate</c> / <c>handoff.status</c> events of the
/// Bot Framework SDK's <c>EventFactory.CreateHandoffInitiation</c>, understood by contact-center hubs such as
/// Dynamics 365 Omnichannel and LivePerson).
/// </summary>
internal static class HandoffProtocol
{
    /// <summary>Event the bot sends to ask the hub to take over; value = the context, attachment = the transcript.</summary>
    public const string InitiateEvent = "handoff.initiate";

    /// <summary>Event the hub sends back; value <c>{ state, message }</c>.</summary>
    public const string StatusEvent = "handoff.status";

    /// <summary>Name of the transcript attachment.</summary>
    public const string TranscriptAttachmentName = "Transcript";

    /// <summary>Content type of the transcript attachment.</summary>
    public const string TranscriptContentType = "application/json";

    public const string StateAccepted = "accepted";
    public const string StateFailed = "failed";
    public const string StateCompleted = "completed";
}

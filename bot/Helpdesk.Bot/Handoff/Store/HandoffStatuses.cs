namespace Helpdesk.Bot.Handoff.Store;

/// <summary>The stored text of each <see cref="HandoffStatus"/>.</summary>
internal static class HandoffStatuses
{
    public const string Waiting = "waiting";
    public const string Active = "active";
    public const string Hub = "hub";
    public const string Resolved = "resolved";
    public const string Cancelled = "cancelled";
    public const string Returned = "returned";

    public static string ToText(HandoffStatus status) => status switch
    {
        HandoffStatus.Waiting => Waiting,
        HandoffStatus.Active => Active,
        HandoffStatus.Hub => Hub,
        HandoffStatus.Resolved => Resolved,
        HandoffStatus.Cancelled => Cancelled,
        HandoffStatus.Returned => Returned,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static HandoffStatus Parse(string text) => text switch
    {
        Waiting => HandoffStatus.Waiting,
        Active => HandoffStatus.Active,
        Hub => HandoffStatus.Hub,
        Resolved => HandoffStatus.Resolved,
        Cancelled => HandoffStatus.Cancelled,
        Returned => HandoffStatus.Returned,
        _ => throw new FormatException($"Unknown handoff status '{text}'."),
    };

    /// <summary>True while a person (or the hub) owns the conversation.</summary>
    public static bool IsOpen(HandoffStatus status) => status is HandoffStatus.Waiting or HandoffStatus.Active or HandoffStatus.Hub;
}

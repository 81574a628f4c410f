namespace Helpdesk.Bot.Handoff;

/// <summary>Values of <c>Handoff:Mode</c>.</summary>
internal static class HandoffModes
{
    public const string Queue = "Queue";
    public const string Hub = "Hub";
}

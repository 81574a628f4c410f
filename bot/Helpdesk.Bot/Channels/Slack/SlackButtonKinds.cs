namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// What a Slack button the bot rendered stands for, written as the prefix of its <c>action_id</c>
/// (<c>{kind}:{n}</c>) so a click maps back to the same activity every other channel produces.
/// </summary>
internal static class SlackButtonKinds
{
    /// <summary>The value is the user's answer (text).</summary>
    public const string ImBack = "imBack";

    /// <summary>The value is a hidden answer (text) or a JSON payload.</summary>
    public const string PostBack = "postBack";

    /// <summary>The value is JSON <c>{"text","displayText","value"}</c>.</summary>
    public const string MessageBack = "messageBack";

    /// <summary>An Adaptive Card <c>Action.Submit</c>: the value is its data (JSON), merged with the card's inputs.</summary>
    public const string Submit = "submit";

    /// <summary>An Adaptive Card <c>Action.Execute</c>: the value is JSON <c>{"verb","data"}</c>.</summary>
    public const string Execute = "execute";

    /// <summary>A link button: Slack opens the URL and still reports the click, which needs no turn.</summary>
    public const string OpenUrl = "openUrl";

    public static string ActionId(string kind, int index) => $"{kind}:{index}";

    public static string? KindOf(string? actionId)
    {
        var colon = actionId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 ? actionId![..colon] : null;
    }
}

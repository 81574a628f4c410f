namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>What a token may be used for (claim <c>scp</c>).</summary>
internal static class DirectLineTokenScopes
{
    /// <summary>REST calls on one conversation (<c>Authorization: Bearer</c>), refreshable.</summary>
    public const string Conversation = "conversation";

    /// <summary>Opening the WebSocket of one conversation (<c>streamUrl</c> only, short-lived).</summary>
    public const string Stream = "stream";
}

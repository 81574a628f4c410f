namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>Direct Line 3.0 routes, relative to <see cref="Base"/>, as Microsoft's clients call them.</summary>
internal static class DirectLineRoutes
{
    public const string Base = "/v3/directline";
    public const string TokensGenerate = "tokens/generate";
    public const string TokensRefresh = "tokens/refresh";
    public const string Conversations = "conversations";
    public const string Conversation = "conversations/{conversationId}";
    public const string Activities = "conversations/{conversationId}/activities";
    public const string Upload = "conversations/{conversationId}/upload";
    public const string Stream = "conversations/{conversationId}/stream";

    /// <summary>Any path under <see cref="Base"/> (CORS preflight).</summary>
    public const string Any = "{**path}";

    /// <summary>Query parameter of the last activity a client has seen.</summary>
    public const string WatermarkParameter = "watermark";

    /// <summary>Query parameter carrying the stream token in a <c>streamUrl</c>.</summary>
    public const string StreamTokenParameter = "t";

    public static string StreamPath(string conversationId) => $"{Base}/conversations/{Uri.EscapeDataString(conversationId)}/stream";
}

using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// Absolute URLs the channel hands out: the <c>streamUrl</c> (ws/wss) and the activities' <c>serviceUrl</c>, from
/// <see cref="DirectLineOptions.PublicBaseUrl"/> or else from the request (scheme, host, path base).
/// </summary>
internal sealed class DirectLineUrls(IOptions<DirectLineOptions> options)
{
    /// <summary>Origin plus path base, without a trailing slash (e.g. <c>https://host/app</c>).</summary>
    public string PublicBase(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = options.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}"
            : configured.TrimEnd('/');
    }

    /// <summary>The <c>serviceUrl</c> of this channel's activities: <c>{base}/v3/directline/</c>.</summary>
    public string ServiceUrl(HttpRequest request) => PublicBase(request) + DirectLineRoutes.Base + "/";

    /// <summary>The WebSocket URL of a conversation, replaying after <paramref name="watermark"/>, opened by <paramref name="streamToken"/>.</summary>
    public string StreamUrl(HttpRequest request, string conversationId, long watermark, string streamToken)
    {
        var root = PublicBase(request);
        var webSocketRoot = root.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? "wss://" + root["https://".Length..]
            : "ws://" + root[(root.IndexOf("://", StringComparison.Ordinal) + 3)..];
        return $"{webSocketRoot}{DirectLineRoutes.StreamPath(conversationId)}?{DirectLineRoutes.WatermarkParameter}={DirectLineIds.FormatWatermark(watermark)}&{DirectLineRoutes.StreamTokenParameter}={Uri.EscapeDataString(streamToken)}";
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// Where the bot may send HTTP calls that carry its token or user content: https anywhere, plain http only to this
/// machine (the Emulator and Agents Playground run on loopback). Anything else is refused.
/// </summary>
internal static class ServiceUrlPolicy
{
    /// <summary>True when <paramref name="url"/> is an absolute https URL, or http to a loopback host.</summary>
    public static bool IsAllowed([NotNullWhen(true)] string? url, [NotNullWhen(true)] out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var parsed))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo) || !string.IsNullOrEmpty(parsed.Fragment))
        {
            return false;
        }

        var allowed = parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback);
        uri = allowed ? parsed : null;
        return allowed;
    }

    /// <summary>The same check for a URL the caller already holds.</summary>
    public static bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return IsAllowed(uri.OriginalString, out _);
    }
}

using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.WebChat;

/// <summary>
/// Security headers of the Web Chat page. Scripts only from this origin (no inline script, no eval); styles from
/// this origin plus the per-response nonce that Web Chat puts on the style elements it injects; network calls only
/// to this origin (Direct Line over HTTPS polling or its WebSocket stream); the page cannot be framed.
/// </summary>
internal static class WebChatSecurityHeaders
{
    public const string PermissionsPolicyHeader = "Permissions-Policy";
    public const string CrossOriginOpenerPolicyHeader = "Cross-Origin-Opener-Policy";
    public const string ReferrerPolicyHeader = "Referrer-Policy";

    /// <summary>A fresh, unguessable nonce (128 bits, base64).</summary>
    public static string NewNonce() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        "script-src 'self'; " +
        $"style-src 'self' 'nonce-{nonce}'; " +
        "img-src 'self' data: blob: https:; " +
        "font-src 'self' data:; " +
        "media-src 'self' data: blob:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'none'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    /// <summary>Headers for the rendered page (not cacheable: it carries a nonce).</summary>
    public static void ApplyToPage(HttpResponse response, string nonce)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy(nonce);
        headers[HeaderNames.CacheControl] = "no-store";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers[PermissionsPolicyHeader] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
        headers[CrossOriginOpenerPolicyHeader] = "same-origin";
        ApplyToAsset(response);
    }

    /// <summary>Headers for the page's static assets (scripts, styles, images).</summary>
    public static void ApplyToAsset(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers[ReferrerPolicyHeader] = "no-referrer";
    }
}

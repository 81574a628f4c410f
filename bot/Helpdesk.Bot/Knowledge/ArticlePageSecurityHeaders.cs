using Helpdesk.Bot.WebChat;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Security headers of the article pages: no script at all, styles only from this origin plus the page's nonce,
/// images only from this origin (articles show no images), no forms, no framing, no referrer.
/// </summary>
internal static class ArticlePageSecurityHeaders
{
    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'none'; " +
        "script-src 'none'; " +
        $"style-src 'self' 'nonce-{nonce}'; " +
        "img-src 'self'; " +
        "base-uri 'none'; " +
        "form-action 'none'; " +
        "frame-ancestors 'none'";

    public static void Apply(HttpResponse response, string nonce)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy(nonce);
        headers[HeaderNames.CacheControl] = "no-cache";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[WebChatSecurityHeaders.ReferrerPolicyHeader] = "no-referrer";
        headers[WebChatSecurityHeaders.CrossOriginOpenerPolicyHeader] = "same-origin";
        headers[WebChatSecurityHeaders.PermissionsPolicyHeader] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
    }
}

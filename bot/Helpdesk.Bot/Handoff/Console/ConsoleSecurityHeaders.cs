using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.Handoff.Console;

/// <summary>Security headers of the console pages: scripts and styles from this origin only, no framing, not cached.</summary>
internal static class ConsoleSecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.CacheControl] = "no-store";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }
}

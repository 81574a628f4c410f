using System.Globalization;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Channels.DirectLine.Auth;
using Helpdesk.Bot.Channels.DirectLine.Wire;
using Helpdesk.Bot.Core.Schema;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.WebChat;

/// <summary>
/// <c>POST /api/webchat/token</c>: what the Web Chat page calls (same origin, no credentials) to get a Direct Line
/// token bound to a new conversation and a user id. The secret never leaves the server: the token is minted in
/// process, exactly as <c>tokens/generate</c> would for the secret holder. The user id is <c>dl_</c> plus 128 random
/// bits; a browser may send back the id an earlier answer gave it (<c>{"userId":"dl_…"}</c>) to stay the same user
/// across page loads — only ids of that shape are accepted, anything else gets a fresh id. The id is a bearer value
/// like a session id: unguessable, not a proof of identity. Limited per client IP; cross-site pages are refused unless listed in <c>DirectLine:AllowedOrigins</c>.
/// </summary>
internal static class WebChatTokenApi
{
    public const string Route = "/api/webchat/token";
    public const string SecFetchSiteHeader = "Sec-Fetch-Site";

    public static IEndpointRouteBuilder MapWebChatTokenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, CreateAsync);
        endpoints.MapMethods(Route, [HttpMethods.Options], Preflight);
        return endpoints;
    }

    private static IResult Preflight(HttpContext context)
    {
        DirectLineCors.AddHeaders(context);
        return DirectLineCors.Preflight(context);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context,
        WebChatTokenRateLimiter limiter,
        DirectLineTokenService tokens,
        DirectLineUrls urls)
    {
        DirectLineCors.AddHeaders(context);
        if (!IsSameOriginOrAllowed(context, urls))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-origin request refused",
                detail: "Web Chat tokens are issued to pages of this site only.");
        }

        if (limiter.TryAcquire(context.Connection.RemoteIpAddress) is { } retryAfter)
        {
            context.Response.Headers[HeaderNames.RetryAfter] = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many requests",
                detail: "Too many chat sessions were started from this address; please wait a moment and reload.");
        }

        var (request, problem) = await DirectLineRequests.ReadJsonAsync<WebChatTokenRequest>(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: problem.Message);
        }

        var userId = DirectLineIds.IsMintedUserId(request?.UserId) ? request!.UserId! : DirectLineIds.NewUserId();
        var conversationId = DirectLineIds.NewConversationId();
        var issued = tokens.IssueConversationToken(conversationId, userId, null);
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Results.Json(new WebChatTokenResponse(issued.Token, conversationId, issued.ExpiresIn, userId), ActivitySerializer.Options);
    }

    /// <summary>
    /// Browsers say where a request comes from: <c>Sec-Fetch-Site: same-origin</c> (reliable behind proxies) or, in
    /// older browsers, <c>Origin</c>. Requests with neither are not from a web page and pass; cross-site pages pass
    /// only when their origin is in <c>DirectLine:AllowedOrigins</c>.
    /// </summary>
    private static bool IsSameOriginOrAllowed(HttpContext context, DirectLineUrls urls)
    {
        if (DirectLineCors.AllowedOrigin(context) is not null)
        {
            return true;
        }

        var fetchSite = context.Request.Headers[SecFetchSiteHeader].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none";
        }

        var origin = context.Request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || (Uri.TryCreate(urls.PublicBase(context.Request), UriKind.Absolute, out var configured)
                && string.Equals(origin, configured.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase));
    }
}

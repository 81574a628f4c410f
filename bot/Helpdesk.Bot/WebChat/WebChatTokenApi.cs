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
/// like a session id: unguessable, not a proof of identity. Limited per client IP; cross-site callers are refused.
/// </summary>
internal static class WebChatTokenApi
{
    public const string Route = "/api/webchat/token";

    public static IEndpointRouteBuilder MapWebChatTokenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Route, CreateAsync);
        return endpoints;
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context,
        WebChatTokenRateLimiter limiter,
        DirectLineTokenService tokens,
        DirectLineUrls urls)
    {
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

    /// <summary>Requests without <c>Origin</c> (not from a browser page) pass; browser requests must come from this site.</summary>
    private static bool IsSameOriginOrAllowed(HttpContext context, DirectLineUrls urls)
    {
        var origin = context.Request.Headers[HeaderNames.Origin].ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{context.Request.Scheme}://{context.Request.Host.ToUriComponent()}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || (Uri.TryCreate(urls.PublicBase(context.Request), UriKind.Absolute, out var configured)
                && string.Equals(origin, configured.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            || DirectLineCors.AllowedOrigin(context) is not null;
    }
}

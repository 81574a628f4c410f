using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Links;
using Helpdesk.Skills.PasswordReset.Recovery;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.PasswordReset.ResetPage;

/// <summary>
/// The reset page: <c>GET /reset</c> (the page; the link's token is in the URL fragment, read by the page's script),
/// <c>POST /reset/api/state</c> (what the link is for) and <c>POST /reset/api/submit</c> (the new password). Both
/// POSTs take JSON and an antiforgery token (cookie + header), so no other site can submit for the user. The page
/// runs under a strict CSP (scripts and styles from this origin only, no inline code, no framing), is never cached
/// and sends no referrer.
/// </summary>
internal static class ResetPageEndpoints
{
    public const string StateRoute = "/reset/api/state";
    public const string SubmitRoute = "/reset/api/submit";

    /// <summary>Longest password read at all (the policy's maximum is at most 1024).</summary>
    private const int MaxPasswordInput = 4096;

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IEndpointRouteBuilder MapResetPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ResetPageAddress.Path, Page);
        endpoints.MapPost(StateRoute, StateAsync);
        endpoints.MapPost(SubmitRoute, SubmitAsync);
        return endpoints;
    }

    private static IResult Page(HttpContext context, IAntiforgery antiforgery, PasswordResetOptions options)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        Secure(context.Response);
        return Results.Content(ResetPageHtml.Render(options, tokens.RequestToken!), "text/html; charset=utf-8");
    }

    private static async Task<IResult> StateAsync(HttpContext context, IAntiforgery antiforgery, LinkResetService resets, PasswordResetOptions options)
    {
        Secure(context.Response);
        var (request, problem) = await ReadAsync<ResetStateRequest>(context, antiforgery);
        if (problem is not null)
        {
            return problem;
        }

        var state = await resets.OpenAsync(request!.Token, Source(context), context.RequestAborted);
        return Results.Json(
            state.Status == ResetLinkStatus.Valid
                ? new ResetStateResponse(StatusName(state.Status), state.SignInName, state.DisplayName, state.ExpiresAt, options.MinPasswordLength, options.MaxPasswordLength, state.ContextWords)
                : new ResetStateResponse(StatusName(state.Status)),
            ActivitySerializer.Options);
    }

    private static async Task<IResult> SubmitAsync(HttpContext context, IAntiforgery antiforgery, LinkResetService resets)
    {
        Secure(context.Response);
        var (request, problem) = await ReadAsync<ResetSubmitRequest>(context, antiforgery);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrEmpty(request!.Password) || request.Password.Length > MaxPasswordInput || request.Confirmation is null || request.Confirmation.Length > MaxPasswordInput)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "Send the new password twice: 'password' and 'confirmation'.");
        }

        var outcome = await resets.ResetAsync(request.Token, request.Password, request.Confirmation, Source(context), context.RequestAborted);
        var (status, code) = outcome.Kind switch
        {
            PageResetKind.Changed => ("changed", StatusCodes.Status200OK),
            PageResetKind.Weak => ("weak", StatusCodes.Status422UnprocessableEntity),
            PageResetKind.DirectoryRejected => ("rejected", StatusCodes.Status422UnprocessableEntity),
            PageResetKind.LinkInvalid => ("link-invalid", StatusCodes.Status410Gone),
            PageResetKind.Blocked => ("blocked", StatusCodes.Status429TooManyRequests),
            _ => ("unavailable", StatusCodes.Status503ServiceUnavailable),
        };
        return Results.Json(
            new ResetSubmitResponse(status, outcome.Messages, outcome.LinkStatus is { } link ? StatusName(link) : null),
            ActivitySerializer.Options,
            statusCode: code);
    }

    private static async Task<(T? Request, IResult? Problem)> ReadAsync<T>(HttpContext context, IAntiforgery antiforgery)
        where T : class
    {
        if (!context.Request.HasJsonContentType())
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send JSON (Content-Type: application/json)."));
        }

        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Page expired", detail: "The page's security token is missing or expired. Reload the page from your link."));
        }

        try
        {
            var request = await context.Request.ReadFromJsonAsync<T>(ActivitySerializer.Options, context.RequestAborted);
            return request is null
                ? (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The body must be a JSON object."))
                : (request, null);
        }
        catch (JsonException)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The body is not valid JSON."));
        }
    }

    private static void Secure(HttpResponse response)
    {
        var headers = response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.CacheControl] = "no-store";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }

    private static string Source(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string StatusName(ResetLinkStatus status) => status switch
    {
        ResetLinkStatus.Valid => "valid",
        ResetLinkStatus.Expired => "expired",
        ResetLinkStatus.Used => "used",
        ResetLinkStatus.InProgress => "in-progress",
        _ => "unknown",
    };
}

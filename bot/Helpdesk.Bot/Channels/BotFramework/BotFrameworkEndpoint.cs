using System.Buffers;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Connector's messaging endpoint. Order of checks: bearer token present (when
/// the bot has an app id) → body read within the size limit and parsed → token validated against the activity →
/// turn. Answers: 401 (problem details, <c>WWW-Authenticate: Bearer</c>) for authentication failures, 400 for
/// bad bodies, 200 after a turn, or the invoke response the bot produced.
/// </summary>
internal sealed class BotFrameworkEndpoint(
    BotFrameworkAuthenticator authenticator,
    BotFrameworkAdapter adapter,
    ILogger<BotFrameworkEndpoint> logger)
{
    public async Task<IResult> HandleAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        string? authorization = request.Headers.Authorization;
        if (authenticator.IsAuthenticationRequired && BotFrameworkAuthenticator.ReadBearerToken(authorization) is null)
        {
            return Unauthorized(httpContext, "missing bearer token", invalidToken: false);
        }

        var body = await ReadBodyAsync(request, httpContext.RequestAborted);
        if (body.Error is not null)
        {
            return BadRequest(body.Title!, body.Error);
        }

        var read = BotFrameworkActivityReader.Read(body.Bytes.Span);
        if (read.Activity is null)
        {
            return BadRequest("Invalid activity", read.Error!);
        }

        var activity = read.Activity;
        var authentication = await authenticator.AuthenticateAsync(authorization, activity, httpContext.RequestAborted);
        if (!authentication.Succeeded)
        {
            return Unauthorized(httpContext, authentication.FailureReason!, invalidToken: true);
        }

        activity.CallerId = authentication.CallerId;

        // As Microsoft's SDK: the turn is not tied to the caller's connection, so the bot finishes (and saves state)
        // even if the Bot Connector stops waiting.
        var invokeResponse = await adapter.ProcessActivityAsync(activity, authentication.Identity!, callback: null, CancellationToken.None);

        // Our answer is exactly the bot's (an empty 501 for an unanswered invoke), not a status-code page.
        var statusCodePages = httpContext.Features.Get<IStatusCodePagesFeature>();
        if (statusCodePages is not null)
        {
            statusCodePages.Enabled = false;
        }

        if (invokeResponse is null)
        {
            return Results.Ok();
        }

        return invokeResponse.Body is null
            ? Results.StatusCode(invokeResponse.Status)
            : Results.Json(invokeResponse.Body, ActivitySerializer.Options, contentType: "application/json; charset=utf-8", statusCode: invokeResponse.Status);
    }

    private static async Task<RequestBody> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        const long limit = ErrorHandlingExtensions.MaxRequestBodyBytes;
        var tooLarge = new RequestBody(ReadOnlyMemory<byte>.Empty, "Request body too large", $"The body exceeds the {limit / 1024} KB limit.");
        if (request.ContentLength > limit)
        {
            return tooLarge;
        }

        var buffer = new ArrayBufferWriter<byte>((int)Math.Min(request.ContentLength ?? 16 * 1024, limit) + 1);
        try
        {
            while (true)
            {
                // With a Content-Length the buffer already fits the body (+1 byte to see the end); ask for more only
                // when the length is unknown or the client sent more than it announced.
                var memory = buffer.GetMemory(buffer.FreeCapacity > 0 ? 1 : 16 * 1024);
                var read = await request.Body.ReadAsync(memory, cancellationToken);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > limit)
                {
                    return tooLarge;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }

        return new RequestBody(buffer.WrittenMemory, null, null);
    }

    private IResult BadRequest(string title, string detail)
    {
        logger.LogInformation("Rejected Bot Framework request (400): {Detail}", detail);
        return Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);
    }

    private IResult Unauthorized(HttpContext httpContext, string reason, bool invalidToken)
    {
        logger.LogWarning("Rejected Bot Framework request (401): {Reason}", reason);
        httpContext.Response.Headers[HeaderNames.WWWAuthenticate] = invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Results.Problem(
            title: "Unauthorized",
            detail: "A valid Bot Framework bearer token is required.",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    private readonly record struct RequestBody(ReadOnlyMemory<byte> Bytes, string? Title, string? Error);
}

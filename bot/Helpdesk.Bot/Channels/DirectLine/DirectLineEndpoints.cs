using Helpdesk.Bot.Channels.DirectLine.Auth;
using Helpdesk.Bot.Channels.DirectLine.Storage;
using Helpdesk.Bot.Channels.DirectLine.Streaming;
using Helpdesk.Bot.Channels.DirectLine.Wire;
using Helpdesk.Bot.Core.Schema;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST operations (tokens, conversations, activities) under <see cref="DirectLineRoutes.Base"/>,
/// answering as the service does: 200/201 with its JSON objects, errors as <c>{"error":{"code","message"}}</c>.
/// </summary>
internal static class DirectLineEndpoints
{
    public static RouteGroupBuilder MapDirectLineEndpoints(this RouteGroupBuilder group)
    {
        group.MapPost(DirectLineRoutes.TokensGenerate, GenerateTokenAsync);
        group.MapPost(DirectLineRoutes.TokensRefresh, RefreshToken);
        group.MapPost(DirectLineRoutes.Conversations, StartConversationAsync);
        group.MapGet(DirectLineRoutes.Conversation, ReconnectAsync);
        group.MapGet(DirectLineRoutes.Activities, GetActivitiesAsync);
        group.MapPost(DirectLineRoutes.Activities, PostActivityAsync);
        group.MapPost(DirectLineRoutes.Upload, Upload);
        group.MapGet(DirectLineRoutes.Stream, StreamAsync);
        return group;
    }

    /// <summary><c>POST tokens/generate</c> (secret): a token bound to a new conversation (and the given user).</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpContext context, DirectLineAuthenticator authenticator, DirectLineTokenService tokens)
    {
        var auth = authenticator.Authenticate(context.Request);
        if (auth.Problem is not null)
        {
            return auth.Problem.ToResult();
        }

        if (!auth.Caller!.IsSecret)
        {
            return new DirectLineProblem(StatusCodes.Status403Forbidden, DirectLineErrorCodes.BadArgument, "Generating a token needs the Direct Line secret.").ToResult();
        }

        var (parameters, problem) = await DirectLineRequests.ReadJsonAsync<DirectLineTokenParameters>(context.Request, context.RequestAborted);
        problem ??= CheckUser(parameters?.User);
        if (problem is not null)
        {
            return problem.ToResult();
        }

        var conversationId = DirectLineIds.NewConversationId();
        var issued = tokens.IssueConversationToken(conversationId, NonEmpty(parameters?.User?.Id), NonEmpty(parameters?.User?.Name));
        NoStore(context);
        return Results.Json(new DirectLineConversationResponse(conversationId, issued.Token, issued.ExpiresIn), ActivitySerializer.Options);
    }

    /// <summary><c>POST tokens/refresh</c> (token): a new token for the same conversation and user.</summary>
    private static IResult RefreshToken(HttpContext context, DirectLineAuthenticator authenticator, DirectLineTokenService tokens)
    {
        var auth = authenticator.Authenticate(context.Request);
        if (auth.Problem is not null)
        {
            return auth.Problem.ToResult();
        }

        if (auth.Caller!.Token is not { } claims)
        {
            return new DirectLineProblem(StatusCodes.Status403Forbidden, DirectLineErrorCodes.BadArgument, "Only a token can be refreshed; a secret does not expire.").ToResult();
        }

        var issued = tokens.IssueConversationToken(claims.ConversationId, claims.UserId, claims.UserName);
        NoStore(context);
        return Results.Json(new DirectLineConversationResponse(claims.ConversationId, issued.Token, issued.ExpiresIn), ActivitySerializer.Options);
    }

    /// <summary>
    /// <c>POST conversations</c>: with a secret, a new conversation; with a token, the token's conversation.
    /// 201 when it started now (the bot hears the user join), 200 when it already existed.
    /// </summary>
    private static async Task<IResult> StartConversationAsync(
        HttpContext context,
        DirectLineAuthenticator authenticator,
        DirectLineTokenService tokens,
        DirectLineConversationService conversations,
        IDirectLineConversationStore store,
        DirectLineUrls urls)
    {
        var auth = authenticator.Authenticate(context.Request);
        if (auth.Problem is not null)
        {
            return auth.Problem.ToResult();
        }

        var (parameters, problem) = await DirectLineRequests.ReadJsonAsync<DirectLineTokenParameters>(context.Request, context.RequestAborted);
        problem ??= CheckUser(parameters?.User);
        if (problem is not null)
        {
            return problem.ToResult();
        }

        var caller = auth.Caller!;
        var conversationId = caller.Token?.ConversationId ?? DirectLineIds.NewConversationId();
        var (userId, userName) = caller.Token is { } claims
            ? (claims.UserId, claims.UserName)
            : (NonEmpty(parameters?.User?.Id), NonEmpty(parameters?.User?.Name));
        var joiningId = userId ?? NonEmpty(parameters?.User?.Id);
        var joining = joiningId is null ? null : new ChannelAccount(joiningId, userName ?? NonEmpty(parameters?.User?.Name), RoleTypes.User);

        var created = await conversations.StartAsync(conversationId, joining, urls.ServiceUrl(context.Request), NonEmpty(parameters?.Locale), context.RequestAborted);
        var watermark = created ? 0 : (await store.GetAsync(conversationId, context.RequestAborted))?.LastSequence ?? 0;
        var issued = tokens.IssueConversationToken(conversationId, userId, userName);
        var streamUrl = urls.StreamUrl(context.Request, conversationId, watermark, tokens.IssueStreamToken(conversationId));
        NoStore(context);
        return Results.Json(
            new DirectLineConversationResponse(conversationId, issued.Token, issued.ExpiresIn, streamUrl),
            ActivitySerializer.Options,
            statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary><c>GET conversations/{id}?watermark=</c>: a new stream URL that replays after the watermark.</summary>
    private static async Task<IResult> ReconnectAsync(
        string conversationId,
        HttpContext context,
        DirectLineAuthenticator authenticator,
        DirectLineTokenService tokens,
        IDirectLineConversationStore store,
        DirectLineUrls urls)
    {
        var (caller, problem) = Authorize(context, authenticator, conversationId);
        var (watermark, badWatermark) = DirectLineRequests.ReadWatermark(context.Request);
        if ((problem ?? badWatermark) is { } failure)
        {
            return failure.ToResult();
        }

        var conversation = await store.GetAsync(conversationId, context.RequestAborted);
        if (conversation is null && caller!.IsSecret)
        {
            return DirectLineProblem.ConversationNotFound.ToResult();
        }

        var issued = tokens.IssueConversationToken(conversationId, caller!.Token?.UserId, caller.Token?.UserName);
        var from = watermark ?? conversation?.LastSequence ?? 0;
        var streamUrl = urls.StreamUrl(context.Request, conversationId, from, tokens.IssueStreamToken(conversationId));
        NoStore(context);
        return Results.Json(new DirectLineConversationResponse(conversationId, issued.Token, issued.ExpiresIn, streamUrl), ActivitySerializer.Options);
    }

    /// <summary><c>GET conversations/{id}/activities?watermark=</c>: the next page after the watermark.</summary>
    private static async Task<IResult> GetActivitiesAsync(
        string conversationId,
        HttpContext context,
        DirectLineAuthenticator authenticator,
        IDirectLineConversationStore store,
        DirectLineTranscript transcript,
        IOptions<DirectLineOptions> options)
    {
        var (caller, problem) = Authorize(context, authenticator, conversationId);
        var (watermark, badWatermark) = DirectLineRequests.ReadWatermark(context.Request);
        if ((problem ?? badWatermark) is { } failure)
        {
            return failure.ToResult();
        }

        var page = await transcript.ReadAsync(conversationId, watermark ?? 0, options.Value.MaxActivitiesPerPage, context.RequestAborted);
        if (page.Count == 0 && caller!.IsSecret && await store.GetAsync(conversationId, context.RequestAborted) is null)
        {
            return DirectLineProblem.ConversationNotFound.ToResult();
        }

        NoStore(context);
        var last = page.Count > 0 ? page[^1].Sequence : watermark;
        return Results.Bytes(DirectLineFrames.ActivitySet(page.Select(a => a.Json), last), "application/json; charset=utf-8");
    }

    /// <summary>
    /// <c>POST conversations/{id}/activities</c>: stores the activity (it comes back in the stream with the same id
    /// and its <c>channelData</c>), answers <c>{"id"}</c>, then the bot's turn runs.
    /// </summary>
    private static async Task<IResult> PostActivityAsync(
        string conversationId,
        HttpContext context,
        DirectLineAuthenticator authenticator,
        DirectLineConversationService conversations,
        DirectLineAdapter adapter,
        DirectLineUrls urls,
        TimeProvider time)
    {
        var (caller, problem) = Authorize(context, authenticator, conversationId);
        if (problem is not null)
        {
            return problem.ToResult();
        }

        var (posted, badBody) = await DirectLineRequests.ReadJsonAsync<Activity>(context.Request, context.RequestAborted);
        if (badBody is not null)
        {
            return badBody.ToResult();
        }

        if (posted is null)
        {
            return DirectLineProblem.BadRequest("The body must be an activity (JSON).").ToResult();
        }

        var inbound = DirectLineActivityMapper.MapInbound(posted, new DirectLineInboundContext(
            conversationId, adapter.BotAccount, urls.ServiceUrl(context.Request), caller!.Token?.UserId, caller.Token?.UserName, time.GetUtcNow()));
        if (inbound.Error is not null)
        {
            return DirectLineProblem.BadRequest(inbound.Error).ToResult();
        }

        var id = await conversations.PostAsync(conversationId, inbound.Activity!, createIfMissing: !caller.IsSecret, context.RequestAborted);
        return id is null
            ? DirectLineProblem.ConversationNotFound.ToResult()
            : Results.Json(new ResourceResponse(id), ActivitySerializer.Options);
    }

    /// <summary><c>POST conversations/{id}/upload</c>: not offered (attachments travel by URL in the activity).</summary>
    private static IResult Upload(string conversationId, HttpContext context, DirectLineAuthenticator authenticator)
    {
        var (_, problem) = Authorize(context, authenticator, conversationId);
        return (problem ?? new DirectLineProblem(
            StatusCodes.Status400BadRequest,
            DirectLineErrorCodes.NotSupported,
            "File upload is not supported by this server; send attachments by URL (contentUrl) in the activity.")).ToResult();
    }

    /// <summary><c>GET conversations/{id}/stream?watermark=&amp;t=</c>: the WebSocket stream (pre-authorized by <c>t</c>).</summary>
    private static async Task<IResult> StreamAsync(
        string conversationId,
        HttpContext context,
        DirectLineAuthenticator authenticator,
        DirectLineStreamer streamer)
    {
        var problem = DirectLineIds.IsValidConversationId(conversationId)
            ? authenticator.AuthenticateStream(context.Request.Query[DirectLineRoutes.StreamTokenParameter].ToString(), conversationId)
            : DirectLineProblem.ConversationNotFound;
        var (watermark, badWatermark) = DirectLineRequests.ReadWatermark(context.Request);
        problem ??= badWatermark;
        if (problem is null && !context.WebSockets.IsWebSocketRequest)
        {
            problem = DirectLineProblem.BadRequest("This is the WebSocket stream: connect with a WebSocket client (Upgrade: websocket).");
        }

        if (problem is not null)
        {
            return problem.ToResult();
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await streamer.RunAsync(socket, conversationId, watermark ?? 0, context.RequestAborted);
        return Results.Empty;
    }

    /// <summary>Authenticates and checks that the caller may use <paramref name="conversationId"/>.</summary>
    private static (DirectLineCaller? Caller, DirectLineProblem? Problem) Authorize(HttpContext context, DirectLineAuthenticator authenticator, string conversationId)
    {
        var auth = authenticator.Authenticate(context.Request);
        if (auth.Problem is not null)
        {
            return (null, auth.Problem);
        }

        if (!auth.Caller!.CanAccess(conversationId))
        {
            return (null, DirectLineProblem.WrongConversation);
        }

        return DirectLineIds.IsValidConversationId(conversationId) ? (auth.Caller, null) : (null, DirectLineProblem.ConversationNotFound);
    }

    private static DirectLineProblem? CheckUser(ChannelAccount? user) => user switch
    {
        { Id.Length: > DirectLineIds.MaxUserIdLength } => DirectLineProblem.BadRequest($"user.id may be at most {DirectLineIds.MaxUserIdLength} characters."),
        { Name.Length: > DirectLineActivityMapper.MaxUserNameLength } => DirectLineProblem.BadRequest($"user.name may be at most {DirectLineActivityMapper.MaxUserNameLength} characters."),
        _ => null,
    };

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static void NoStore(HttpContext context) => context.Response.Headers[HeaderNames.CacheControl] = "no-store";
}

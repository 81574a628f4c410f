using System.Text.Json;
using Helpdesk.Bot.Handoff.Auth;
using Helpdesk.Bot.Handoff.Store;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff.Console;

/// <summary>
/// The console's JSON API under <c>/agent/api</c> (agents and supervisors only; every POST needs the antiforgery
/// header): session, queue, case detail, claim, message, note, transfer, resolve, return to bot, agents, audit.
/// </summary>
internal static class AgentConsoleApi
{
    public const int MaxTextLength = 4000;

    public static IEndpointRouteBuilder MapAgentConsoleApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(AgentConsoleRoutes.Api)
            .RequireAuthorization(AgentRoles.AgentPolicy)
            .AddEndpointFilter<AntiforgeryCheckFilter>()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        api.MapGet("/session", Session);
        api.MapGet("/queue", QueueAsync);
        api.MapGet("/closed", ClosedAsync);
        api.MapGet("/agents", AgentsAsync);
        api.MapGet("/audit", AuditAsync).RequireAuthorization(AgentRoles.SupervisorPolicy);
        api.MapGet("/cases/{id:long}", CaseAsync);
        api.MapPost("/cases/{id:long}/claim", (long id, HttpContext http, HandoffService handoff) =>
            Act(http, agent => handoff.ClaimAsync(id, agent, http.RequestAborted)));
        api.MapPost("/cases/{id:long}/messages", async (long id, AgentTextRequest body, HttpContext http, HandoffService handoff) =>
            Text(body?.Text, out var text) ?? await Act(http, agent => handoff.SendAgentMessageAsync(id, agent, text, http.RequestAborted)));
        api.MapPost("/cases/{id:long}/notes", async (long id, AgentTextRequest body, HttpContext http, HandoffService handoff) =>
            Text(body?.Text, out var text) ?? await Act(http, agent => handoff.AddNoteAsync(id, agent, text, http.RequestAborted)));
        api.MapPost("/cases/{id:long}/transfer", async (long id, TransferRequest body, HttpContext http, HandoffService handoff) =>
            TooLong(body?.Note) ?? await Act(http, agent => handoff.TransferAsync(id, agent, body?.ToAgent, body?.Note, http.RequestAborted)));
        api.MapPost("/cases/{id:long}/resolve", async (long id, CloseRequest body, HttpContext http, HandoffService handoff) =>
            TooLong(body?.Note) ?? await Act(http, agent => handoff.ResolveAsync(id, agent, body?.Note?.Trim(), http.RequestAborted)));
        api.MapPost("/cases/{id:long}/return", async (long id, CloseRequest body, HttpContext http, HandoffService handoff) =>
            TooLong(body?.Note) ?? await Act(http, agent => handoff.ReturnToBotAsync(id, agent, body?.Note?.Trim(), http.RequestAborted)));
        return endpoints;
    }

    public static QueueItem ToItem(HandoffCase handoff, DateTimeOffset now, int? position)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var summary = string.Empty;
        try
        {
            using var context = JsonDocument.Parse(handoff.ContextJson);
            summary = context.RootElement.TryGetProperty("summary", out var s) ? s.GetString() ?? string.Empty : string.Empty;
        }
        catch (JsonException)
        {
            summary = handoff.Reason;
        }

        var reference = handoff.FirstResponseAt ?? handoff.ClaimedAt ?? now;
        return new QueueItem(
            handoff.Id,
            handoff.Number,
            HandoffStatuses.ToText(handoff.Status),
            handoff.Priority.ToString(),
            handoff.Category,
            handoff.Reason,
            summary,
            handoff.UserName,
            handoff.ChannelId,
            handoff.CreatedAt,
            handoff.SlaDueAt,
            Math.Round((handoff.SlaDueAt - now).TotalSeconds),
            (handoff.ClaimedAt ?? reference) > handoff.SlaDueAt,
            handoff.AgentId,
            handoff.AgentName,
            position,
            handoff.Offline,
            handoff.TicketNumber,
            handoff.ClosedAt,
            handoff.Csat,
            handoff.ResolutionNote);
    }

    private static IResult Session(HttpContext http, IAntiforgery antiforgery)
    {
        var agent = AgentClaims.ToAgent(http.User)!;
        var tokens = antiforgery.GetAndStoreTokens(http);
        return Results.Json(new SessionInfo(agent.Username, agent.DisplayName, agent.IsSupervisor, AgentAuthExtensions.AntiforgeryHeader, tokens.RequestToken ?? string.Empty), HandoffJson.Options);
    }

    private static async Task<IResult> QueueAsync(HttpContext http, IHandoffStore store, IAgentStore agents, HandoffService handoff, TimeProvider time)
    {
        var agent = AgentClaims.ToAgent(http.User)!;
        var now = time.GetUtcNow();
        await agents.TouchAgentAsync(agent.Username, now, http.RequestAborted);
        var open = await store.ListOpenAsync(http.RequestAborted);
        var positions = HandoffService.Positions(open);
        var items = open
            .Select(c => ToItem(c, now, positions.TryGetValue(c.Id, out var p) ? p : null))
            .OrderBy(i => i.Priority, StringComparer.Ordinal)
            .ThenBy(i => i.SlaSecondsLeft)
            .ThenBy(i => i.Id)
            .ToList();
        return Results.Json(new QueueSnapshot(now, await handoff.CountOnlineAgentsAsync(http.RequestAborted), items), HandoffJson.Options);
    }

    private static async Task<IResult> ClosedAsync(HttpContext http, IHandoffStore store, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var closed = await store.ListClosedAsync(50, http.RequestAborted);
        return Results.Json(closed.Select(c => ToItem(c, now, null)).ToList(), HandoffJson.Options);
    }

    private static async Task<IResult> AgentsAsync(HttpContext http, IAgentStore agents, TimeProvider time, IOptions<HandoffOptions> options)
    {
        var since = time.GetUtcNow() - options.Value.AgentOnlineWindow;
        var all = await agents.ListAgentsAsync(http.RequestAborted);
        return Results.Json(
            all.Where(a => a.Roles.Any(AgentRoles.IsAgentRole))
                .Select(a => new AgentSummary(a.Username, a.DisplayName, a.LastSeenAt >= since, a.Roles.Contains(AgentRoles.Supervisor, StringComparer.OrdinalIgnoreCase)))
                .ToList(),
            HandoffJson.Options);
    }

    private static async Task<IResult> AuditAsync(HttpContext http, IHandoffStore store) =>
        Results.Json(await store.ListAuditAsync(200, http.RequestAborted), HandoffJson.Options);

    private static async Task<IResult> CaseAsync(long id, HttpContext http, IHandoffStore store, ITranscriptStore transcripts, TimeProvider time, IOptions<HandoffOptions> options)
    {
        var handoff = await store.GetAsync(id, http.RequestAborted);
        if (handoff is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case", detail: $"There is no case {id}.");
        }

        var positions = HandoffService.Positions(await store.ListOpenAsync(http.RequestAborted));
        var transcript = await transcripts.ReadAsync(handoff.ConversationKey, options.Value.TranscriptLimit, http.RequestAborted);
        var messages = await store.ListMessagesAsync(id, http.RequestAborted);
        using var context = JsonDocument.Parse(handoff.ContextJson);
        return Results.Json(
            new CaseDetail(
                ToItem(handoff, time.GetUtcNow(), positions.TryGetValue(id, out var p) ? p : null),
                context.RootElement.Clone(),
                TranscriptReader.ToLines(transcript.Where(e => e.At >= handoff.CreatedAt.AddDays(-7))),
                messages.Select(ToMessage).ToList()),
            HandoffJson.Options);
    }

    public static CaseMessageItem ToMessage(HandoffMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new CaseMessageItem(message.Id, message.CaseId, message.Kind.ToString().ToLowerInvariant(), message.Author, message.Text, message.At);
    }

    private static IResult? Text(string? value, out string text)
    {
        text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Empty message", detail: "The field 'text' must not be empty.");
        }

        return TooLong(text);
    }

    private static IResult? TooLong(string? text) =>
        text is { Length: > MaxTextLength }
            ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Text too long", detail: $"At most {MaxTextLength} characters.")
            : null;

    private static async Task<IResult> Act(HttpContext http, Func<AgentIdentity, Task<HandoffActionResult>> action)
    {
        var agent = AgentClaims.ToAgent(http.User)!;
        var result = await action(agent);
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        return result.Status switch
        {
            HandoffActionStatus.Ok => Results.Json(result.Case is null ? null : ToItem(result.Case, now, null), HandoffJson.Options),
            HandoffActionStatus.NotFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such case", detail: result.Message),
            HandoffActionStatus.Forbidden => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your case", detail: result.Message),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: result.Message),
        };
    }
}

using System.Text.Json;
using Helpdesk.Bot.Channels.Teams.Proactive;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff.Auth;
using Helpdesk.Bot.Handoff.Itsm;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.LanguageModel;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting.UserDirectory;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff;

/// <summary>
/// The handoff itself: starts it from a turn (context package, ticket, queue or hub), and carries out every agent
/// action (claim, chat, notes, transfer, resolve, return to the bot) — messages to the user go proactively to the
/// user's own conversation through the adapter it came from, via the shared <see cref="ProactiveMessenger"/>: the
/// conversation's reference is kept in the one reference store (dead-marking applies), with the case's own copy as the
/// fallback (another instance sharing the handoff store may have taken the user's turn).
/// </summary>
internal sealed class HandoffService(
    IHandoffStore store,
    IAgentStore agents,
    ITranscriptStore transcripts,
    CaseFileAccessor caseFiles,
    HandoffContextBuilder contextBuilder,
    GeneratedHandoffSummaries generatedSummaries,
    IItsmConnector itsm,
    IHandoffNotifier notifier,
    ProactiveAdapters adapters,
    ProactiveMessenger messenger,
    IUserDirectoryLookup directory,
    HandoffTexts texts,
    IOptions<HandoffOptions> options,
    TimeProvider time,
    ILogger<HandoffService> logger)
{
    private static readonly HandoffStatus[] FromActive = [HandoffStatus.Active];
    private static readonly HandoffStatus[] FromWaiting = [HandoffStatus.Waiting];
    private static readonly HandoffStatus[] FromWaitingOrActive = [HandoffStatus.Waiting, HandoffStatus.Active];
    private static readonly HandoffStatus[] FromHub = [HandoffStatus.Hub];

    private readonly HandoffOptions _options = options.Value;
    private readonly BusinessHours _hours = new(options.Value.BusinessHours);

    public BusinessHours Hours => _hours;

    // ---- from the bot's side -------------------------------------------------------------------------------------

    /// <summary>
    /// Hands the conversation of <paramref name="turnContext"/> to a person: builds the context package, creates the
    /// case (once per conversation) and its ticket, then either emits <c>handoff.initiate</c> (hub mode) or queues it
    /// and tells the user their position and wait (or, with nobody online / out of hours, when they'll hear back).
    /// </summary>
    public async Task<HandoffCase?> StartAsync(ITurnContext turnContext, EscalationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(request);
        var activity = turnContext.Activity;
        var key = HandoffKeys.ConversationKey(activity);
        var adapterName = adapters.NameOf(turnContext.Adapter);
        if (adapterName is null)
        {
            logger.LogWarning("Handoff: adapter {Adapter} cannot send proactively; handoff not started", turnContext.Adapter.GetType().Name);
            return null;
        }

        var existing = await store.FindCurrentAsync(key, cancellationToken);
        if (existing is not null && HandoffStatuses.IsOpen(existing.Status))
        {
            await turnContext.SendActivityAsync(texts.AlreadyQueued(existing.Number, existing.Status == HandoffStatus.Waiting ? await PositionOfAsync(existing, cancellationToken) : null), cancellationToken);
            return existing;
        }

        var caseFile = await caseFiles.GetAsync(turnContext, cancellationToken);
        var transcript = await transcripts.ReadAsync(key, _options.TranscriptLimit, cancellationToken);
        var context = await generatedSummaries.AddToAsync(
            await NameFromDirectoryAsync(turnContext, contextBuilder.Build(turnContext, request, caseFile, transcript), cancellationToken),
            transcript,
            cancellationToken);
        var now = time.GetUtcNow();
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        turnContext.KeepConversationReference();
        var hub = _options.UsesHub;
        var closed = !_hours.IsOpen(now);
        var online = hub ? 0 : await CountOnlineAgentsAsync(cancellationToken);
        var offline = !hub && (closed || online == 0);
        var (handoff, created) = await store.CreateAsync(
            new HandoffCase
            {
                ConversationKey = key,
                AdapterName = adapterName,
                ReferenceJson = JsonSerializer.Serialize(reference, ActivitySerializer.Options),
                Status = hub ? HandoffStatus.Hub : HandoffStatus.Waiting,
                Priority = request.Priority,
                Category = context.Category,
                Trigger = request.Trigger,
                Reason = context.Reason,
                UserId = activity.From?.Id,
                UserName = context.User.DisplayName,
                ChannelId = activity.ChannelId ?? "unknown",
                Locale = activity.Locale,
                ContextJson = JsonSerializer.Serialize(context, HandoffJson.Options),
                CreatedAt = now,
                SlaDueAt = _hours.NextOpening(now) + _options.Sla.TargetFor(request.Priority),
                Offline = offline,
            },
            cancellationToken);
        if (!created)
        {
            await turnContext.SendActivityAsync(texts.AlreadyQueued(handoff.Number, null), cancellationToken);
            return handoff;
        }

        await store.AuditAsync("bot", "escalated", handoff.Id, $"{request.Trigger} {request.Priority} {context.Category}", now, cancellationToken);
        handoff = await CreateTicketAsync(handoff, context, cancellationToken);

        if (hub)
        {
            await turnContext.SendActivityAsync(CreateInitiateActivity(context, transcript), cancellationToken);
            await turnContext.SendActivityAsync(texts.HubConnecting, cancellationToken);
        }
        else if (offline)
        {
            var promise = _hours.NextOpening(now) + _options.Sla.TargetFor(request.Priority);
            await turnContext.SendActivityAsync(
                texts.QueuedOffline(handoff.Number, handoff.TicketNumber, closed, _hours.Describe(), promise, _hours.Zone), cancellationToken);
        }
        else
        {
            var position = await PositionOfAsync(handoff, cancellationToken) ?? new QueuePosition(1, _options.AverageHandleTime, online);
            await store.SetNotifiedPositionAsync(handoff.Id, position.Position, cancellationToken);
            await turnContext.SendActivityAsync(
                MessageFactory.SuggestedActions([HandoffTexts.CancelCommand], texts.Queued(handoff.Number, handoff.TicketNumber, position)), cancellationToken);
        }

        await notifier.QueueChangedAsync(cancellationToken);
        return handoff;
    }

    /// <summary>The <c>handoff.initiate</c> event: value = the context package, attachment "Transcript" = <c>{ activities: [...] }</c>.</summary>
    public static Activity CreateInitiateActivity(HandoffContext context, IReadOnlyList<TranscriptEntry> transcript)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(transcript);
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = HandoffProtocol.InitiateEvent,
            Value = JsonSerializer.SerializeToElement(context, HandoffJson.Options),
            Attachments =
            [
                new Attachment
                {
                    Name = HandoffProtocol.TranscriptAttachmentName,
                    ContentType = HandoffProtocol.TranscriptContentType,
                    Content = new { activities = transcript.Select(TranscriptReader.ToElement).ToArray() },
                },
            ],
        };
    }

    /// <summary>A <c>handoff.status</c> event from the hub: accepted (tell the user), failed (fall back to our queue), completed (back to the bot).</summary>
    public async Task HandleHubStatusAsync(ITurnContext turnContext, HandoffCase? handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var state = ReadState(turnContext.Activity.Value);
        var now = time.GetUtcNow();
        if (handoff is null || handoff.Status != HandoffStatus.Hub)
        {
            logger.LogInformation("Handoff: handoff.status '{State}' for a conversation that is not with a hub; ignored", state);
            return;
        }

        switch (state)
        {
            case HandoffProtocol.StateAccepted:
                await store.AddMessageAsync(handoff.Id, HandoffMessageKind.System, "hub", "The contact center accepted the handoff.", now, cancellationToken);
                await turnContext.SendActivityAsync(texts.HubAccepted, cancellationToken);
                break;
            case HandoffProtocol.StateFailed:
                if (await store.TryTransitionAsync(handoff.Id, FromHub, HandoffStatus.Waiting, null, now, cancellationToken))
                {
                    await store.AddMessageAsync(handoff.Id, HandoffMessageKind.System, "hub", "The contact center could not take the handoff; queued here instead.", now, cancellationToken);
                    var position = await PositionOfAsync(handoff with { Status = HandoffStatus.Waiting }, cancellationToken);
                    await turnContext.SendActivityAsync(texts.HubFailed + (position is null ? string.Empty : " " + texts.PositionUpdate(position)), cancellationToken);
                    await notifier.QueueChangedAsync(cancellationToken);
                }

                break;
            case HandoffProtocol.StateCompleted:
                if (await store.TryTransitionAsync(handoff.Id, FromHub, HandoffStatus.Returned, "Completed by the contact center.", now, cancellationToken))
                {
                    await caseFiles.ResetAsync(turnContext, cancellationToken);
                    await turnContext.SendActivityAsync(texts.HubCompleted, cancellationToken);
                    await notifier.QueueChangedAsync(cancellationToken);
                }

                break;
            default:
                logger.LogWarning("Handoff: unknown handoff.status state '{State}'", state);
                break;
        }
    }

    /// <summary>The user cancels while waiting.</summary>
    public async Task CancelByUserAsync(ITurnContext turnContext, HandoffCase handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(handoff);
        var now = time.GetUtcNow();
        if (await store.TryTransitionAsync(handoff.Id, FromWaiting, HandoffStatus.Cancelled, "Cancelled by the user.", now, cancellationToken))
        {
            await store.AddMessageAsync(handoff.Id, HandoffMessageKind.System, "user", "The user cancelled the request.", now, cancellationToken);
            await store.AuditAsync(handoff.UserId ?? "user", "cancelled", handoff.Id, null, now, cancellationToken);
            await NoteTicketAsync(handoff, "Cancelled by the user in chat.", cancellationToken);
            await caseFiles.ResetAsync(turnContext, cancellationToken);
            await turnContext.SendActivityAsync(texts.Cancelled(handoff.TicketNumber ?? handoff.Number), cancellationToken);
            await notifier.QueueChangedAsync(cancellationToken);
        }
    }

    /// <summary>The user adds information while waiting: kept on the case for the agent.</summary>
    public async Task AddUserInfoAsync(ITurnContext turnContext, HandoffCase handoff, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(handoff);
        var message = await store.AddMessageAsync(handoff.Id, HandoffMessageKind.User, handoff.UserName ?? "user", text, time.GetUtcNow(), cancellationToken);
        await notifier.MessageAddedAsync(message, cancellationToken);
        var position = await PositionOfAsync(handoff, cancellationToken);
        await turnContext.SendActivityAsync(texts.InfoAdded(handoff.Offline ? null : position), cancellationToken);
    }

    /// <summary>The user writes while an agent has the conversation: relayed to the console; the bot says nothing.</summary>
    public async Task RelayUserMessageAsync(HandoffCase handoff, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var message = await store.AddMessageAsync(handoff.Id, HandoffMessageKind.User, handoff.UserName ?? "user", text, time.GetUtcNow(), cancellationToken);
        await notifier.MessageAddedAsync(message, cancellationToken);
    }

    /// <summary>The user's answer to the CSAT question (null = skipped).</summary>
    public async Task<bool> RecordCsatAsync(HandoffCase handoff, int? score, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var now = time.GetUtcNow();
        var recorded = await store.TryRecordCsatAsync(handoff.Id, score, now, cancellationToken);
        if (recorded && score is not null)
        {
            await store.AddMessageAsync(handoff.Id, HandoffMessageKind.System, "user", $"CSAT: {score}/5", now, cancellationToken);
            await notifier.CaseChangedAsync(handoff.Id, cancellationToken);
        }

        return recorded;
    }

    // ---- from the agent's side ------------------------------------------------------------------------------------

    /// <summary>Claims a waiting case: exactly one agent wins; the user is told who joined.</summary>
    public async Task<HandoffActionResult> ClaimAsync(long caseId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var now = time.GetUtcNow();
        if (!await store.TryClaimAsync(caseId, agent.Username, agent.DisplayName, now, cancellationToken))
        {
            var current = await store.GetAsync(caseId, cancellationToken);
            return current is null
                ? HandoffActionResult.NotFound
                : HandoffActionResult.Conflict(
                    current.Status == HandoffStatus.Active ? $"Already claimed by {current.AgentName}." : $"The case is {HandoffStatuses.ToText(current.Status)}.", current);
        }

        var handoff = (await store.GetAsync(caseId, cancellationToken))!;
        await store.AuditAsync(agent.Username, "claimed", caseId, null, now, cancellationToken);
        await AddSystemMessageAsync(handoff, agent.Username, $"{agent.DisplayName} claimed the case.", cancellationToken);
        await NoteTicketAsync(handoff, $"Claimed by {agent.DisplayName} ({agent.Username}).", cancellationToken);
        await SendToUserAsync(handoff, texts.AgentJoined(agent.DisplayName), null, cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        return HandoffActionResult.Ok(handoff);
    }

    /// <summary>The agent writes to the user (through the bot, into the user's own channel).</summary>
    public async Task<HandoffActionResult> SendAgentMessageAsync(long caseId, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        var (handoff, failure) = await OwnedActiveAsync(caseId, agent, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var now = time.GetUtcNow();
        var message = await store.AddMessageAsync(caseId, HandoffMessageKind.Agent, agent.DisplayName, text, now, cancellationToken);
        await store.MarkFirstResponseAsync(caseId, now, cancellationToken);
        await notifier.MessageAddedAsync(message, cancellationToken);
        var delivered = await SendToUserAsync(handoff!, texts.AgentMessage(agent.DisplayName, text), agent.DisplayName, cancellationToken);
        return delivered ? HandoffActionResult.Ok(handoff) : HandoffActionResult.Conflict("Saved, but it could not be delivered to the user's chat (the conversation may have ended).", handoff);
    }

    /// <summary>An internal note on the case; never sent to the user.</summary>
    public async Task<HandoffActionResult> AddNoteAsync(long caseId, AgentIdentity agent, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var handoff = await store.GetAsync(caseId, cancellationToken);
        if (handoff is null)
        {
            return HandoffActionResult.NotFound;
        }

        var message = await store.AddMessageAsync(caseId, HandoffMessageKind.Note, agent.DisplayName, text, time.GetUtcNow(), cancellationToken);
        await notifier.MessageAddedAsync(message, cancellationToken);
        await NoteTicketAsync(handoff, $"{agent.DisplayName}: {text}", cancellationToken);
        return HandoffActionResult.Ok(handoff);
    }

    /// <summary>Transfers an active case to another agent, or back to the queue when <paramref name="toUsername"/> is null.</summary>
    public async Task<HandoffActionResult> TransferAsync(long caseId, AgentIdentity agent, string? toUsername, string? note, CancellationToken cancellationToken)
    {
        var (handoff, failure) = await OwnedActiveAsync(caseId, agent, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        AgentAccount? target = null;
        if (!string.IsNullOrWhiteSpace(toUsername))
        {
            target = await agents.FindAgentAsync(toUsername, cancellationToken);
            if (target is null || !target.Roles.Any(AgentRoles.IsAgentRole))
            {
                return HandoffActionResult.Conflict($"No agent '{toUsername}'.", handoff);
            }
        }

        var now = time.GetUtcNow();
        if (!await store.TryTransferAsync(caseId, agent.IsSupervisor ? null : agent.Username, target?.Username, target?.DisplayName, now, cancellationToken))
        {
            return HandoffActionResult.Conflict("The case changed meanwhile; reload it.", await store.GetAsync(caseId, cancellationToken));
        }

        var destination = target?.DisplayName ?? "the queue";
        await store.AuditAsync(agent.Username, "transferred", caseId, target?.Username ?? "queue", now, cancellationToken);
        await AddSystemMessageAsync(handoff!, agent.Username, $"{agent.DisplayName} transferred the case to {destination}." + (string.IsNullOrWhiteSpace(note) ? string.Empty : $" Note: {note}"), cancellationToken);
        await SendToUserAsync(handoff!, texts.Transferred(target?.DisplayName), null, cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        return HandoffActionResult.Ok(await store.GetAsync(caseId, cancellationToken));
    }

    /// <summary>Resolves the case with a note; the user is told and gets the CSAT question; the bot takes the conversation back.</summary>
    public async Task<HandoffActionResult> ResolveAsync(long caseId, AgentIdentity agent, string? note, CancellationToken cancellationToken)
    {
        var (handoff, failure) = await OwnedActiveAsync(caseId, agent, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var now = time.GetUtcNow();
        if (!await store.TryTransitionAsync(caseId, FromActive, HandoffStatus.Resolved, note, now, cancellationToken))
        {
            return HandoffActionResult.Conflict("The case changed meanwhile; reload it.", await store.GetAsync(caseId, cancellationToken));
        }

        await store.AuditAsync(agent.Username, "resolved", caseId, null, now, cancellationToken);
        await AddSystemMessageAsync(handoff!, agent.Username, $"{agent.DisplayName} resolved the case." + (string.IsNullOrWhiteSpace(note) ? string.Empty : $" Note: {note}"), cancellationToken);
        if (handoff!.TicketNumber is { } ticket)
        {
            await SafeItsmAsync(() => itsm.ResolveAsync(ticket, note ?? "Resolved in chat.", cancellationToken), "resolve");
        }

        await ProactiveAsync(handoff, async (ctx, ct) =>
        {
            await caseFiles.ResetAsync(ctx, ct);
            await ctx.SendActivityAsync(MessageFactory.Text(texts.Resolved(agent.DisplayName, note)), ct);
            await ctx.SendActivityAsync(MessageFactory.SuggestedActions(HandoffTexts.CsatChoices, texts.CsatQuestion), ct);
        }, cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        return HandoffActionResult.Ok(await store.GetAsync(caseId, cancellationToken));
    }

    /// <summary>Gives the conversation back to the bot without resolving (e.g. the user should try a self-service step).</summary>
    public async Task<HandoffActionResult> ReturnToBotAsync(long caseId, AgentIdentity agent, string? note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var handoff = await store.GetAsync(caseId, cancellationToken);
        if (handoff is null)
        {
            return HandoffActionResult.NotFound;
        }

        if (handoff.Status == HandoffStatus.Active && !agent.IsSupervisor && !string.Equals(handoff.AgentId, agent.Username, StringComparison.OrdinalIgnoreCase))
        {
            return HandoffActionResult.Forbidden($"{handoff.AgentName} owns this case.", handoff);
        }

        var now = time.GetUtcNow();
        if (!await store.TryTransitionAsync(caseId, FromWaitingOrActive, HandoffStatus.Returned, note, now, cancellationToken))
        {
            return HandoffActionResult.Conflict($"The case is {HandoffStatuses.ToText(handoff.Status)}.", handoff);
        }

        await store.AuditAsync(agent.Username, "returned", caseId, null, now, cancellationToken);
        await AddSystemMessageAsync(handoff, agent.Username, $"{agent.DisplayName} returned the conversation to the bot." + (string.IsNullOrWhiteSpace(note) ? string.Empty : $" Note: {note}"), cancellationToken);
        await ProactiveAsync(handoff, async (ctx, ct) =>
        {
            await caseFiles.ResetAsync(ctx, ct);
            await ctx.SendActivityAsync(MessageFactory.Text(texts.ReturnedToBot(handoff.AgentName ?? agent.DisplayName)), ct);
        }, cancellationToken);
        await notifier.QueueChangedAsync(cancellationToken);
        return HandoffActionResult.Ok(await store.GetAsync(caseId, cancellationToken));
    }

    // ---- queue ---------------------------------------------------------------------------------------------------

    public async Task<int> CountOnlineAgentsAsync(CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - _options.AgentOnlineWindow;
        var all = await agents.ListAgentsAsync(cancellationToken);
        return all.Count(a => a.LastSeenAt >= since && a.Roles.Any(AgentRoles.IsAgentRole));
    }

    /// <summary>Positions of all waiting cases (1 = next), in queue order: priority, then SLA due time.</summary>
    public static IReadOnlyDictionary<long, int> Positions(IEnumerable<HandoffCase> open)
    {
        var position = 0;
        return open
            .Where(c => c.Status == HandoffStatus.Waiting)
            .OrderBy(c => c.Priority)
            .ThenBy(c => c.SlaDueAt)
            .ThenBy(c => c.Id)
            .ToDictionary(c => c.Id, _ => ++position);
    }

    public QueuePosition Estimate(int position, int agentsOnline) =>
        new(position, _options.AverageHandleTime * position / Math.Max(1, agentsOnline), agentsOnline);

    public async Task<QueuePosition?> PositionOfAsync(HandoffCase handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        var positions = Positions(await store.ListOpenAsync(cancellationToken));
        return positions.TryGetValue(handoff.Id, out var position)
            ? Estimate(position, await CountOnlineAgentsAsync(cancellationToken))
            : null;
    }

    /// <summary>Tells each waiting user whose position improved their new position and wait (proactively).</summary>
    public async Task<int> NotifyPositionsAsync(CancellationToken cancellationToken)
    {
        var open = await store.ListOpenAsync(cancellationToken);
        var positions = Positions(open);
        var online = await CountOnlineAgentsAsync(cancellationToken);
        var notified = 0;
        foreach (var handoff in open.Where(c => c.Status == HandoffStatus.Waiting && !c.Offline))
        {
            var position = positions[handoff.Id];
            if (handoff.NotifiedPosition is { } last && position >= last)
            {
                continue;
            }

            await store.SetNotifiedPositionAsync(handoff.Id, position, cancellationToken);
            if (await SendToUserAsync(handoff, texts.PositionUpdate(Estimate(position, online)), null, cancellationToken))
            {
                notified++;
            }
        }

        return notified;
    }

    // ---- plumbing --------------------------------------------------------------------------------------------------

    private async Task<(HandoffCase? Case, HandoffActionResult? Failure)> OwnedActiveAsync(long caseId, AgentIdentity agent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var handoff = await store.GetAsync(caseId, cancellationToken);
        if (handoff is null)
        {
            return (null, HandoffActionResult.NotFound);
        }

        if (handoff.Status != HandoffStatus.Active)
        {
            return (handoff, HandoffActionResult.Conflict($"The case is {HandoffStatuses.ToText(handoff.Status)}; claim it first.", handoff));
        }

        if (!agent.IsSupervisor && !string.Equals(handoff.AgentId, agent.Username, StringComparison.OrdinalIgnoreCase))
        {
            return (handoff, HandoffActionResult.Forbidden($"{handoff.AgentName} owns this case.", handoff));
        }

        return (handoff, null);
    }

    private async Task<HandoffCase> CreateTicketAsync(HandoffCase handoff, HandoffContext context, CancellationToken cancellationToken)
    {
        try
        {
            var number = await itsm.CreateAsync(handoff, context, cancellationToken);
            await store.SetTicketAsync(handoff.Id, number, cancellationToken);
            return handoff with { TicketNumber = number };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException)
        {
            logger.LogError("Handoff: the {Connector} connector could not create the ticket for case {Case}: {ExceptionType}", itsm.Name, handoff.Number, ex.GetType().Name);
            await store.AddMessageAsync(handoff.Id, HandoffMessageKind.System, "ticket", $"The {itsm.Name} ticket could not be created ({ex.GetType().Name}); the case is in the queue.", time.GetUtcNow(), cancellationToken);
            return handoff;
        }
    }

    private async Task NoteTicketAsync(HandoffCase handoff, string note, CancellationToken cancellationToken)
    {
        if (handoff.TicketNumber is { } ticket && itsm.Name != BuiltInItsmConnector.ConnectorName)
        {
            await SafeItsmAsync(() => itsm.AddWorkNoteAsync(ticket, note, cancellationToken), "work note");
        }
    }

    private async Task SafeItsmAsync(Func<Task> action, string what)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException)
        {
            logger.LogWarning("Handoff: {Connector} {What} failed: {ExceptionType}", itsm.Name, what, ex.GetType().Name);
        }
    }

    private async Task AddSystemMessageAsync(HandoffCase handoff, string author, string text, CancellationToken cancellationToken)
    {
        var message = await store.AddMessageAsync(handoff.Id, HandoffMessageKind.System, author, text, time.GetUtcNow(), cancellationToken);
        await notifier.MessageAddedAsync(message, cancellationToken);
    }

    private Task<bool> SendToUserAsync(HandoffCase handoff, string text, string? agentName, CancellationToken cancellationToken) =>
        ProactiveAsync(handoff, (ctx, ct) =>
        {
            var message = MessageFactory.Text(text);
            if (agentName is not null)
            {
                message.ChannelData = JsonSerializer.SerializeToElement(new Dictionary<string, object> { [TranscriptReader.AgentMarker] = new { name = agentName } });
            }

            return ctx.SendActivityAsync(message, ct);
        }, cancellationToken);

    private async Task<bool> ProactiveAsync(HandoffCase handoff, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ConversationReference reference;
        try
        {
            reference = JsonSerializer.Deserialize<ConversationReference>(handoff.ReferenceJson, ActivitySerializer.Options)!;
        }
        catch (JsonException)
        {
            reference = new ConversationReference();
        }

        var result = await messenger.SendAsync(reference, handoff.AdapterName, callback, cancellationToken);
        if (result == ProactiveSendResult.Sent)
        {
            return true;
        }

        logger.LogWarning("Handoff: could not message the user of case {Case} through {Adapter}: {Result}", handoff.Number, handoff.AdapterName, result);
        var note = result == ProactiveSendResult.ConversationGone
            ? "A message could not be delivered: the user's chat is gone (the app was removed, the bot blocked, or the conversation ended)."
            : "A message could not be delivered to the user's chat.";
        await store.AddMessageAsync(handoff.Id, HandoffMessageKind.System, "bot", note, time.GetUtcNow(), cancellationToken);
        return false;
    }

    /// <summary>
    /// A user the channel sent no name for, whose identity is established (verified in this conversation, or a Teams
    /// sign-in the directory trusts), is shown to agents with the directory's display name. Read-only; a directory
    /// that is down leaves the label as it was.
    /// </summary>
    private async Task<HandoffContext> NameFromDirectoryAsync(ITurnContext turnContext, HandoffContext context, CancellationToken cancellationToken)
    {
        var user = context.User;
        if (!string.IsNullOrWhiteSpace(user.Name) || (!user.Verified && string.IsNullOrWhiteSpace(user.AadObjectId)))
        {
            return context;
        }

        var activity = turnContext.Activity;
        var found = await directory.FindAsync(
            new DirectoryLookupRequest(activity.ChannelId, user.Id, user.AadObjectId, user.Name, user.Account, user.Verified), cancellationToken);
        return found is null
            ? context
            : context with { User = user with { DisplayName = HandoffUserLabel.For(activity.ChannelId, user.Id, user.Name, user.Account, user.Verified, found.DisplayName) } };
    }

    private static string? ReadState(object? value)
    {
        try
        {
            var element = value switch
            {
                JsonElement e => e,
                null => default,
                _ => JsonSerializer.SerializeToElement(value, ActivitySerializer.Options),
            };
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.String
                ? state.GetString()?.ToLowerInvariant()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

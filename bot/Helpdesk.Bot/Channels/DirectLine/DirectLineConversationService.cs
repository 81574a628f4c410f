using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>
/// A conversation's life on the server side: start (and tell the bot the user joined), accept a client activity
/// (store it — the client sees it echoed with the same id — then queue the bot's turn). Work on one conversation
/// is serialized, so turns run in the order the activities were stored. A message that answers the bot's request for
/// a secret (a code) is stored redacted from the start (the turn still gets it whole).
/// </summary>
internal sealed class DirectLineConversationService(
    DirectLineTranscript transcript,
    DirectLineAdapter adapter,
    DirectLineTurnQueue turns,
    IStorage storage,
    ActivityRedactor redactor,
    TimeProvider time) : IDisposable
{
    private const int Stripes = 64;

    private readonly SemaphoreSlim[] _gates = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>
    /// Creates the conversation unless it exists (true when created). When created with a known user, the bot gets
    /// a <c>conversationUpdate</c> (members added: bot and user), as Direct Line sends it.
    /// </summary>
    public async Task<bool> StartAsync(string conversationId, ChannelAccount? user, string serviceUrl, string? locale, CancellationToken cancellationToken)
    {
        var known = string.IsNullOrEmpty(user?.Id) ? null : user;
        var gate = GateOf(conversationId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var created = await transcript.Store.CreateAsync(conversationId, known, cancellationToken);
            if (created && known is not null)
            {
                QueueJoin(conversationId, known, serviceUrl, locale);
            }

            return created;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Accepts a client activity (already mapped by <see cref="DirectLineActivityMapper"/>): stores it and queues
    /// the bot's turn. Returns its id, or null when the conversation does not exist and may not be created.
    /// </summary>
    public async Task<string?> PostAsync(string conversationId, Activity activity, bool createIfMissing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var user = activity.From!;
        var gate = GateOf(conversationId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            var conversation = await transcript.Store.GetAsync(conversationId, cancellationToken);
            bool joined;
            if (conversation is null)
            {
                if (!createIfMissing)
                {
                    return null;
                }

                joined = await transcript.Store.CreateAsync(conversationId, user, cancellationToken);
            }
            else
            {
                joined = conversation.UserId is null && await transcript.Store.SetUserIfMissingAsync(conversationId, user, cancellationToken);
            }

            // Stored first (so the client's echo precedes any reply), then the turns in order: join, then this activity.
            var secret = activity.IsType(ActivityTypes.Message)
                && await RedactionMiddleware.IsSecretReplyExpectedAsync(storage, activity.ChannelId ?? ChannelIds.Directline, conversationId, cancellationToken);
            var storedCopy = redactor.Redact(activity, secret ? new TurnSecrets { InboundIsSecret = true } : null, inbound: true);
            var id = await transcript.AddAsync(conversationId, activity, cancellationToken, storedCopy);
            if (joined)
            {
                QueueJoin(conversationId, user, activity.ServiceUrl!, activity.Locale);
            }

            _ = turns.Enqueue(conversationId, ct => adapter.ProcessActivityAsync(activity, ct));
            return id;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var gate in _gates)
        {
            gate.Dispose();
        }
    }

    private void QueueJoin(string conversationId, ChannelAccount user, string serviceUrl, string? locale)
    {
        var update = DirectLineActivityMapper.CreateConversationUpdate(conversationId, adapter.BotAccount, user, serviceUrl, locale, time.GetUtcNow());
        _ = turns.Enqueue(conversationId, ct => adapter.ProcessActivityAsync(update, ct));
    }

    private SemaphoreSlim GateOf(string conversationId) =>
        _gates[(uint)StringComparer.Ordinal.GetHashCode(conversationId) % Stripes];
}

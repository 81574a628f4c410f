using System.Collections.Concurrent;
using Helpdesk.Bot.Channels.Teams.Proactive;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Hosting;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Incidents;

/// <summary>
/// Sends incident updates to the people who asked for them, in their own conversations, in the background: woken at
/// once by an admin API change (<see cref="ProactiveIncidentNotifier"/>) and every <see cref="IncidentsOptions.NotificationInterval"/>
/// (feed-file edits, retries, and catching up after a restart). Each open subscription is compared with the incident
/// as it is now (<see cref="IncidentVersion"/>); a difference is claimed in the store before sending
/// (<see cref="IIncidentStore.TryMarkNotifiedAsync"/>), so nobody gets the same update twice. Delivery goes through
/// <see cref="ProactiveMessenger"/>: a conversation that is gone closes the subscription (and is marked dead for every
/// feature); a transient failure (throttling, an outage, after the channel adapter's own quick retries) is retried in a
/// later round with exponential backoff — one interval, then two, four… (at most an hour) — at most
/// <see cref="MaxAttempts"/> times per update. A resolved or removed incident is the last message a subscriber gets.
/// Logs name the incident and the outcome, never the message, the user or the conversation.
/// </summary>
internal sealed class IncidentNotificationDispatcher(
    KnownIncidents incidents,
    ProactiveMessenger messenger,
    IOptions<IncidentsOptions> options,
    TimeProvider time,
    ILogger<IncidentNotificationDispatcher> logger) : BackgroundService
{
    /// <summary>Deliveries of one update to one subscriber that fail (and may pass) before it is given up.</summary>
    public const int MaxAttempts = 5;

    private readonly SemaphoreSlim _wake = new(0, 1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<(string Incident, string Reporter, string Version), (int Count, DateTimeOffset NotBefore)> _failures = new();
    private long _rounds;

    /// <summary>Rounds completed (tests wait on it).</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    /// <summary>Asks for a round now (returns at once; several wakes before the round runs make one round).</summary>
    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // A round is already due.
        }
    }

    /// <summary>One round: every open subscription whose incident changed since the subscriber last heard gets the update.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var open = await incidents.Store.OpenSubscriptionsAsync(cancellationToken);
        foreach (var group in open.GroupBy(s => s.IncidentId, StringComparer.OrdinalIgnoreCase))
        {
            var incident = await incidents.FindAsync(group.Key, cancellationToken);
            var version = incident is null ? IncidentVersion.Gone : IncidentVersion.Of(incident);
            var final = incident is null || !incident.IsActive;
            foreach (var subscription in group.Where(s => !string.Equals(s.NotifiedVersion, version, StringComparison.Ordinal)))
            {
                if (_failures.TryGetValue((subscription.IncidentId, subscription.Reporter, version), out var failed) && failed.NotBefore > time.GetUtcNow())
                {
                    // Backing off after a failed delivery.
                    continue;
                }

                if (await NotifyAsync(subscription, incident, version, final, cancellationToken))
                {
                    sent++;
                }
            }
        }

        Interlocked.Increment(ref _rounds);
        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.NotificationInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchAsync(stoppingToken);
                if (sent > 0)
                {
                    logger.LogInformation("Incident updates: {Count} sent", sent);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError("Incident updates: a round failed ({ExceptionType}); trying again in {Interval}", ex.GetType().FullName, interval);
            }

            try
            {
                await WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The wait after the <paramref name="attempt"/>th failed delivery: the interval, doubled each time, at most an hour.</summary>
    private TimeSpan Backoff(int attempt)
    {
        var interval = options.Value.NotificationInterval;
        var factor = Math.Pow(2, attempt - 1);
        return interval.TotalSeconds * factor >= MaxBackoff.TotalSeconds ? MaxBackoff : interval * factor;
    }

    private async Task WaitAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        using var round = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var woken = _wake.WaitAsync(round.Token);
        var due = Task.Delay(interval, time, round.Token);
        await Task.WhenAny(woken, due);
        await round.CancelAsync();
        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task<bool> NotifyAsync(IncidentSubscription subscription, Incident? incident, string version, bool final, CancellationToken cancellationToken)
    {
        // Claim the update first: whoever wins sends it; a second round or instance sees it done.
        if (!await incidents.Store.TryMarkNotifiedAsync(subscription.IncidentId, subscription.Reporter, subscription.NotifiedVersion, version, final, cancellationToken))
        {
            return false;
        }

        var text = IncidentUpdateText.For(incident, subscription.IncidentId, subscription.UtcOffset, time.GetUtcNow());
        var result = await messenger.SendAsync(subscription.Conversation, null, [MessageFactory.Text(text)], cancellationToken);
        switch (result)
        {
            case ProactiveSendResult.Sent:
                _failures.TryRemove((subscription.IncidentId, subscription.Reporter, version), out _);
                return true;

            case ProactiveSendResult.Failed:
                var key = (subscription.IncidentId, subscription.Reporter, version);
                var attempt = (_failures.TryGetValue(key, out var failed) ? failed.Count : 0) + 1;
                if (attempt >= MaxAttempts)
                {
                    logger.LogError("Incident {Id}: an update could not be delivered to a subscriber after {Attempts} attempts; given up", subscription.IncidentId, MaxAttempts);
                    _failures.TryRemove(key, out _);
                    return false;
                }

                // Maybe passes (throttling, an outage): hand the update back for a later round.
                var delay = Backoff(attempt);
                _failures[key] = (attempt, time.GetUtcNow() + delay);
                await incidents.Store.TryMarkNotifiedAsync(subscription.IncidentId, subscription.Reporter, version, subscription.NotifiedVersion, closed: false, cancellationToken);
                logger.LogWarning("Incident {Id}: an update could not be delivered to a subscriber (attempt {Attempt} of {Max}); trying again in {Delay}", subscription.IncidentId, attempt, MaxAttempts, delay);
                return false;

            default:
                // The conversation is gone (now marked dead) or unknown: no later update can reach it either.
                logger.LogInformation("Incident {Id}: a subscriber's conversation can't be reached ({Result}); subscription closed", subscription.IncidentId, result);
                await incidents.Store.TryMarkNotifiedAsync(subscription.IncidentId, subscription.Reporter, version, version, closed: true, cancellationToken);
                return false;
        }
    }
}

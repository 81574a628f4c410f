using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Hosting;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Handoff;

/// <summary>
/// The "bot error" trigger: when turns of the same conversation fail twice within <see cref="Window"/>, the user
/// has had enough apologies — the conversation goes to a person (trigger <c>BotError</c>, the failure recorded for
/// the agent without any message content). Failures are counted in memory per instance.
/// </summary>
internal sealed class BotErrorEscalation(HandoffService handoff, TimeProvider time) : ITurnFailureObserver
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    public const int Threshold = 2;

    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public async Task OnTurnFailedAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (!turnContext.Activity.IsType(Core.Schema.ActivityTypes.Message))
        {
            return;
        }

        var key = HandoffKeys.ConversationKey(turnContext.Activity);
        var now = time.GetUtcNow();
        int recent;
        var failures = _failures.GetOrAdd(key, _ => []);
        lock (failures)
        {
            failures.RemoveAll(at => now - at > Window);
            failures.Add(now);
            recent = failures.Count;
            if (recent >= Threshold)
            {
                failures.Clear();
            }
        }

        if (recent >= Threshold)
        {
            _failures.TryRemove(key, out _);
            await handoff.StartAsync(
                turnContext,
                new EscalationRequest(EscalationTrigger.BotError, "general", TicketPriority.P3, $"The assistant failed {recent} times in a row ({exception.GetType().Name}); the user needs a person."),
                cancellationToken);
        }
    }
}

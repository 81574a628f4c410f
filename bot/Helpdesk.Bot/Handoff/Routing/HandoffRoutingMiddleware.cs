using System.Globalization;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff.Store;

namespace Helpdesk.Bot.Handoff.Routing;

/// <summary>
/// While a conversation is with a person, its messages go to the person and the bot stays quiet: waiting → the
/// message is added to the request (or "stop waiting"/"cancel" cancels it); active → relayed to the agent's
/// console; with a hub → left to the hub. After resolution the user's 1–5 answers the CSAT question. The hub's
/// <c>handoff.status</c> events are handled here too. Everything else continues to the bot.
/// </summary>
internal sealed class HandoffRoutingMiddleware(IHandoffStore store, HandoffService handoff, HandoffTexts texts, ActivityRedactor redactor) : IMiddleware
{
    private static readonly HashSet<string> CancelWords = new(StringComparer.Ordinal)
    {
        "stop waiting", "cancel", "cancel request", "cancel my request", "cancel it", "never mind", "nevermind", "i dont need help anymore",
    };

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (TranscriptMiddleware.IsProactiveStart(activity))
        {
            await next(cancellationToken);
            return;
        }

        var key = HandoffKeys.ConversationKey(activity);
        if (activity.IsType(ActivityTypes.Event) && string.Equals(activity.Name, HandoffProtocol.StatusEvent, StringComparison.OrdinalIgnoreCase))
        {
            await handoff.HandleHubStatusAsync(turnContext, await store.FindCurrentAsync(key, cancellationToken), cancellationToken);
            return;
        }

        if (!activity.IsType(ActivityTypes.Message))
        {
            await next(cancellationToken);
            return;
        }

        var current = await store.FindCurrentAsync(key, cancellationToken);
        if (current is null)
        {
            await next(cancellationToken);
            return;
        }

        var text = turnContext.InboundIsSecret()
            ? RedactionMarker.Text
            : redactor.Redact(TranscriptReader.TextOf(activity) ?? string.Empty, TurnSecrets.Find(turnContext)).Trim();
        switch (current.Status)
        {
            case HandoffStatus.Waiting when IsCancel(text):
                await handoff.CancelByUserAsync(turnContext, current, cancellationToken);
                return;
            case HandoffStatus.Waiting:
                if (text.Length > 0)
                {
                    await handoff.AddUserInfoAsync(turnContext, current, text, cancellationToken);
                }

                return;
            case HandoffStatus.Active:
                if (text.Length > 0)
                {
                    await handoff.RelayUserMessageAsync(current, text, cancellationToken);
                }

                return;
            case HandoffStatus.Hub:
                return;
            case HandoffStatus.Resolved when current.CsatPending:
                if (TryReadScore(text, out var score))
                {
                    await handoff.RecordCsatAsync(current, score, cancellationToken);
                    await turnContext.SendActivityAsync(MessageFactory.Text(texts.CsatThanks(score)), cancellationToken);
                    return;
                }

                await handoff.RecordCsatAsync(current, null, cancellationToken);
                break;
        }

        await next(cancellationToken);
    }

    public static bool IsCancel(string text) => CancelWords.Contains(TextNormalizer.Normalize(text));

    /// <summary>"4", "4/5", "5 stars", "★★★★" → the score 1–5.</summary>
    public static bool TryReadScore(string text, out int score)
    {
        score = 0;
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length > 0 && trimmed.All(c => c == '★' || c == '⭐'))
        {
            score = trimmed.Count(c => c == '★' || c == '⭐');
            return score is >= 1 and <= 5;
        }

        var normalized = TextNormalizer.Normalize(trimmed);
        var first = normalized.Split(' ', '/').FirstOrDefault() ?? string.Empty;
        return first.Length == 1 && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out score) && score is >= 1 and <= 5
            && normalized.Length <= 10;
    }
}

using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Handoff;

/// <summary>
/// Builds the <see cref="HandoffContext"/> from the turn (user, channel, locale), the escalation request, the
/// conversation's <see cref="CaseFile"/> and its recorded transcript. Every free text passes the redactor again
/// (the case file should never hold a secret; this makes sure).
/// </summary>
internal sealed class HandoffContextBuilder(ActivityRedactor redactor, TimeProvider time)
{
    /// <summary>Captured-detail names that hold the exact error text, in order of preference.</summary>
    private static readonly string[] ErrorKeys = ["error_message", "error_text", "error", "error_code"];

    public HandoffContext Build(ITurnContext turnContext, EscalationRequest request, CaseFile caseFile, IReadOnlyList<TranscriptEntry> transcript)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caseFile);
        ArgumentNullException.ThrowIfNull(transcript);
        var secrets = TurnSecrets.Find(turnContext);
        string Clean(string text) => redactor.Redact(text, secrets);
        string? CleanOptional(string? text) => text is null ? null : Clean(text);

        var activity = turnContext.Activity;
        var identity = caseFile.Identity;
        var account = CleanOptional(identity?.Account);
        var verified = identity?.Verified == true;
        var user = new HandoffUser(
            activity.From?.Id,
            activity.From?.Name,
            activity.From?.AadObjectId,
            account,
            verified,
            identity?.Method,
            HandoffUserLabel.For(activity.ChannelId, activity.From?.Id, activity.From?.Name, account, verified));
        var steps = caseFile.StepsTried.Select(s => new HandoffStep(s.Source, Clean(s.Step), CleanOptional(s.Answer), s.At)).ToList();
        var articles = caseFile.ArticlesShown.Select(a => new HandoffArticle(a.ArticleId, a.Title, Clean(a.Query), a.Helped, a.At)).ToList();
        var captured = caseFile.Captured.ToDictionary(p => p.Key, p => Clean(p.Value), StringComparer.Ordinal);
        var errorText = ErrorKeys.Select(k => captured.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
            ?? captured.FirstOrDefault(p => p.Key.Contains("error", StringComparison.OrdinalIgnoreCase)).Value;
        var category = string.IsNullOrWhiteSpace(request.Category) ? caseFile.Category ?? "general" : request.Category;
        var reason = Clean(request.Reason);
        var lines = TranscriptReader.ToLines(transcript);
        var startedAt = new[] { caseFile.OpenedAt, transcript.Count > 0 ? transcript[0].At : (DateTimeOffset?)null }
            .Where(t => t is not null).Min();

        return new HandoffContext
        {
            User = user,
            Channel = new HandoffChannel(activity.ChannelId ?? "unknown", activity.Conversation?.Id),
            Locale = activity.Locale,
            Category = category,
            Priority = request.Priority.ToString(),
            Trigger = request.Trigger.ToString(),
            Reason = reason,
            Summary = HandoffSummarizer.Summarize(reason, lines, errorText, user, steps, articles),
            StepsTried = steps,
            ArticlesShown = articles,
            Captured = captured,
            ErrorText = errorText,
            StartedAt = startedAt,
            EscalatedAt = time.GetUtcNow(),
            TranscriptActivities = transcript.Count,
        };
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff.Itsm;
using Helpdesk.Bot.Handoff.Store;

namespace Helpdesk.Bot.Handoff.Routing;

/// <summary>
/// Answers "what's the status of INC0010001?" (or HD-000042) in chat from the ticket connector. Only the user's own
/// tickets (raised from this chat channel's user id) show their description and assignee; anyone else's number
/// gets at most its state, so ticket contents never leak.
/// </summary>
internal sealed partial class TicketStatusMiddleware(IItsmConnector itsm, IHandoffStore store, TimeProvider time, ILogger<TicketStatusMiddleware> logger) : IMiddleware
{
    private static readonly string[] StatusWords = ["status", "update", "progress", "where", "what", "whats", "any news", "happening", "ticket", "incident", "check"];

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        var number = activity.IsType(ActivityTypes.Message) ? FindTicketNumber(activity.Text) : null;
        if (number is null)
        {
            await next(cancellationToken);
            return;
        }

        await turnContext.SendActivityAsync(MessageFactory.Text(await AnswerAsync(number, activity.From?.Id, cancellationToken)), cancellationToken);
    }

    /// <summary>The ticket number in a status question ("status of inc0010001?", "HD-000042"), upper-cased; else null.</summary>
    public static string? FindTicketNumber(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 300)
        {
            return null;
        }

        var match = TicketPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var rest = text.Remove(match.Index, match.Length).ToLowerInvariant();
        var words = rest.Split([' ', '?', '!', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        var asksStatus = words.Length <= 2 || StatusWords.Any(w => rest.Replace("'", string.Empty, StringComparison.Ordinal).Contains(w, StringComparison.Ordinal));
        if (!asksStatus)
        {
            return null;
        }

        var number = match.Value.ToUpperInvariant();
        return number.StartsWith("HD", StringComparison.Ordinal) && BuiltInItsmConnector.TryParse(number, out var id) ? HandoffCase.FormatNumber(id) : number;
    }

    private async Task<string> AnswerAsync(string number, string? userId, CancellationToken cancellationToken)
    {
        TicketStatus? status;
        try
        {
            status = await itsm.GetStatusAsync(number, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException)
        {
            logger.LogWarning("Ticket status: the {Connector} lookup of a ticket failed: {ExceptionType}", itsm.Name, ex.GetType().Name);
            return $"I can't reach the ticket system right now, so I can't check {number}. Please try again in a few minutes.";
        }

        var mine = await store.FindByTicketAsync(number, cancellationToken);
        var own = mine is not null && userId is not null && string.Equals(mine.UserId, userId, StringComparison.Ordinal);
        if (status is null || (number.StartsWith("HD", StringComparison.Ordinal) && !own))
        {
            return $"I couldn't find a ticket {number} for you. Check the number (e.g. INC0010001), or type **agent** to ask the service desk.";
        }

        if (!own)
        {
            return $"Ticket **{status.Number}** is **{status.State}**.";
        }

        var updated = status.UpdatedAt is { } at ? $", last updated {Ago(time.GetUtcNow() - at)}" : string.Empty;
        return $"Ticket **{status.Number}**{(status.ShortDescription is null ? string.Empty : $" (\"{status.ShortDescription}\")")} is **{status.State}**" +
            $"{(status.AssignedTo is null ? string.Empty : $", assigned to {status.AssignedTo}")}{updated}.";
    }

    private static string Ago(TimeSpan span) => span.TotalMinutes < 1 ? "just now"
        : span.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min ago")
        : span.TotalDays < 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h ago")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} days ago");

    [GeneratedRegex(@"\b(INC\d{7,10}|HD-?\d{1,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex TicketPattern();
}

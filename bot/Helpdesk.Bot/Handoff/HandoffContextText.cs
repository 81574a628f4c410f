using System.Globalization;
using System.Text;

namespace Helpdesk.Bot.Handoff;

/// <summary>The context package as plain text (a ticket's description, a webhook's readable part).</summary>
internal static class HandoffContextText
{
    public static string Render(HandoffContext context, string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Escalated from the IT help assistant ({caseNumber}, {context.EscalatedAt:yyyy-MM-dd HH:mm} UTC).\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Summary: {context.Summary}\n\n");
        if (context.GeneratedSummary is { } generated)
        {
            text.Append(CultureInfo.InvariantCulture, $"Generated summary (written by the language model {generated.Model}; check it against the transcript):\n");
            foreach (var line in generated.Lines)
            {
                text.Append("  ").Append(line).Append('\n');
            }

            text.Append('\n');
        }

        var user = context.User;
        text.Append(CultureInfo.InvariantCulture, $"User: {user.DisplayName ?? user.Name ?? "unknown"} ({user.Id ?? "no id"}) on {context.Channel.ChannelId}{(context.Locale is null ? string.Empty : ", " + context.Locale)}\n");
        text.Append(user.Account is null
            ? "Identity: not identified\n"
            : string.Create(CultureInfo.InvariantCulture, $"Identity: {user.Account} — {(user.Verified ? $"verified ({user.VerificationMethod ?? "second factor"})" : "NOT verified")}\n"));
        text.Append(CultureInfo.InvariantCulture, $"Trigger: {context.Trigger}; priority {context.Priority}; category {context.Category}\n");
        text.Append(CultureInfo.InvariantCulture, $"Reason: {context.Reason}\n");
        if (context.ErrorText is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Error text: {context.ErrorText}\n");
        }

        if (context.StepsTried.Count > 0)
        {
            text.Append("\nSteps tried:\n");
            foreach (var step in context.StepsTried)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {step.Step}{(step.Answer is null ? string.Empty : " → " + step.Answer)} ({step.Source})\n");
            }
        }

        if (context.ArticlesShown.Count > 0)
        {
            text.Append("\nArticles shown:\n");
            foreach (var article in context.ArticlesShown)
            {
                var verdict = article.Helped switch { true => "helped", false => "did not help", _ => "no answer" };
                text.Append(CultureInfo.InvariantCulture, $"- {article.Title} [{article.Id}] — {verdict}\n");
            }
        }

        foreach (var (key, value) in context.Captured)
        {
            text.Append(CultureInfo.InvariantCulture, $"{key}: {value}\n");
        }

        return text.ToString().TrimEnd();
    }
}

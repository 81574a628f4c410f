using System.Globalization;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Helpdesk.Skills.Troubleshooting.Model;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>The bot's own words in troubleshooting (the flows bring the rest).</summary>
internal static class TroubleshootingTexts
{
    public const string BackButton = "Back";
    public const string NotHelpedButton = "This didn't help";
    public const string YesButton = "Yes";
    public const string NoButton = "No";
    public const string DoneButton = "Done";
    public const string SkipButton = "Skip";
    public const string NotifyButton = "Notify me of updates";
    public const string DifferentButton = "My problem is different";
    public const string ThanksButton = "OK, thanks";
    public const string ConfirmYesButton = "Yes, let's do it";
    public const string ConfirmNoButton = "No thanks";
    public const string SomethingElseButton = "Something else";

    public const string DefaultFixedQuestion = "Did that fix it?";

    public const string Intro =
        "I'll take you through the same checks a technician would. At any step you can say **back**, **start again**, " +
        "or **this didn't help** to hand over to the service desk with everything we've tried.";

    public const string PickerPrompt = "What kind of problem is it?";
    public const string PickerRetry = "Please pick one of the areas below, or type **cancel**.";
    public const string WhichPrompt = "Which of these is closest?";
    public const string SomethingElse =
        "OK — tell me in a few words what's going wrong and I'll find the right help, or type **agent** to reach the service desk.";

    public const string NotUnderstood = "Sorry, I didn't catch that. Please pick one of the options (you can also type its number).";
    public const string NotUnderstoodText = "Sorry, I need a short answer in words for this one.";
    public const string AtFirstStep = "This is the first step, so there's nothing to go back to.";
    public const string FromTheTop = "OK, let's start again from the top.";
    public const string FlowChanged = "This guide was updated while we were talking, so let's start it again from the top.";
    public const string FlowUnavailable = "Sorry, that guide isn't available right now.";

    public const string Resolved = "Great, I'm glad that's sorted! If it comes back, just tell me.";
    public const string Escalated = "I'll pass this to the service desk with everything we've tried, so nobody has to ask you again.";
    public const string NotHelpedEscalation = "Sorry that didn't do it. I'll hand this to the service desk with the steps we've already tried.";
    public const string PersonEscalation = "Of course — I'll hand you to the service desk with what we've covered so far.";
    public const string TooManyMisses = "I'm having trouble following, so let's get a person to help. I'll pass on what we've covered.";

    public const string IncidentQuestion = "Would you like a message here when the incident is updated?";

    public const string SearchFoundIntro = "These help articles look closest:";
    public const string SearchQuestion = "Did one of these solve it?";

    public const string Subscribed =
        "You're on the list for updates on this incident — you'll get a message in this chat when its status changes.";

    public const string WaitForFix =
        "Thanks for bearing with us — IT is on it. If it still isn't working once the incident is resolved, just tell me.";

    public static string Confirm(Flow flow) => $"Sounds like {flow.SoundsLike} — shall we troubleshoot it together?";

    public static string Retry(string prompt) => NotUnderstood + "\n\n" + prompt;

    public static string RelatedArticle(string title, string? link) =>
        link is null ? $"More detail: **{title}** (help article)" : $"More detail: [{title}]({link})";

    public static string Incident(Incident incident, IncidentStats stats, int more, TimeSpan? userOffset, DateTimeOffset now)
    {
        var lines = new List<string>
        {
            $"⚠️ **Known issue:** {incident.Title}",
            $"Status: **{incident.Status}** · updated {When(incident.Updated, userOffset, now)}" +
                (incident.Eta is { } eta ? $" · expected fix {When(eta, userOffset, now)}" : string.Empty) +
                $" · reference {incident.Id}",
        };
        if (!string.IsNullOrWhiteSpace(incident.Details))
        {
            lines.Add(incident.Details!);
        }

        if (more > 0)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"(There {(more == 1 ? "is 1 other active incident" : $"are {more} other active incidents")} for this service too.)"));
        }

        var others = stats.Reporters - 1;
        lines.Add("IT already knows and is working on it, so you don't need to troubleshoot it yourself." +
            (others > 0 ? string.Create(CultureInfo.InvariantCulture, $" {others} other {(others == 1 ? "person has" : "people have")} reported it here too.") : string.Empty));
        lines.Add("Would you like a message here when it's updated?");
        return string.Join("\n\n", lines);
    }

    public static string When(DateTimeOffset value, TimeSpan? userOffset, DateTimeOffset now)
    {
        var offset = userOffset ?? TimeSpan.Zero;
        var local = value.ToOffset(offset);
        var zone = offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        var sameDay = local.Date == now.ToOffset(offset).Date;
        return local.ToString(sameDay ? "HH:mm" : "d MMM HH:mm", CultureInfo.InvariantCulture) + " " + zone;
    }
}

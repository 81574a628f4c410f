using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>The key one user's reports are counted under: channel and channel user id.</summary>
public static class IncidentReporter
{
    public static string KeyOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{activity.ChannelId ?? "unknown"}:{activity.From?.Id ?? "anonymous"}";
    }
}

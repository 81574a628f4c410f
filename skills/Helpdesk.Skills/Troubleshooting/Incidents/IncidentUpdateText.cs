using Helpdesk.Skills.Troubleshooting.Engine;

namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>What a subscriber is sent when an incident they asked about changes, is resolved, or disappears.</summary>
public static class IncidentUpdateText
{
    /// <summary>The message for <paramref name="incident"/> (null: no longer listed anywhere), times in the user's offset.</summary>
    public static string For(Incident? incident, string incidentId, TimeSpan? userOffset, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(incidentId);
        if (incident is null)
        {
            return $"✅ **Known issue {incidentId} is closed** — IT no longer lists it. If you still have the problem, tell me what's happening, or type **agent** to reach the service desk.";
        }

        if (!incident.IsActive)
        {
            return $"✅ **Resolved:** {incident.Title}\n\n" +
                $"IT has fixed the known issue you asked to hear about (reference {incident.Id}, resolved {TroubleshootingTexts.When(incident.Updated, userOffset, now)})." +
                (string.IsNullOrWhiteSpace(incident.Details) ? string.Empty : "\n\n" + incident.Details) +
                "\n\nIf it still isn't working for you, just tell me — or type **fix a problem** or **agent**.";
        }

        var lines = new List<string>
        {
            $"🔔 **Update on a known issue:** {incident.Title}",
            $"Status: **{incident.Status}** · updated {TroubleshootingTexts.When(incident.Updated, userOffset, now)}" +
                (incident.Eta is { } eta ? $" · expected fix {TroubleshootingTexts.When(eta, userOffset, now)}" : string.Empty) +
                $" · reference {incident.Id}",
        };
        if (!string.IsNullOrWhiteSpace(incident.Details))
        {
            lines.Add(incident.Details!);
        }

        lines.Add("I'll message you here again when it changes.");
        return string.Join("\n\n", lines);
    }
}

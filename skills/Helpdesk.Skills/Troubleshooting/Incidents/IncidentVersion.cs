using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>
/// What a subscriber was told about an incident, as a short key: status, title, expected fix and details — what an
/// update message says. A change that leaves all four alone (a feed file rewritten for another incident, a new
/// <c>updated</c> stamp) is no news; an incident that no longer exists anywhere is <see cref="Gone"/>.
/// </summary>
public static class IncidentVersion
{
    /// <summary>The version of an incident that was removed (from the feed file or the store).</summary>
    public const string Gone = "gone";

    public static string Of(Incident incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var text = string.Join(
            '\n',
            incident.Status.ToString(),
            incident.Title,
            incident.Eta?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
            incident.Details ?? string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
    }
}

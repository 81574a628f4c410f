using System.Text.RegularExpressions;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>
/// Finds BitLocker recovery keys (eight groups of six digits) in free text, so a key a user pastes by mistake is
/// marked secret for the turn (kept out of transcripts) and never stored in the case file.
/// </summary>
internal static partial class RecoveryKeyGuard
{
    public static IEnumerable<string> Find(string text) => RecoveryKey().Matches(text).Select(m => m.Value);

    [GeneratedRegex(@"(?<!\d)\d{6}(?:[-\s]?\d{6}){7}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex RecoveryKey();
}

using System.Text.RegularExpressions;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>
/// Finds BitLocker recovery keys (eight groups of six digits) in free text, so a key a user pastes by mistake is
/// marked secret for the turn (kept out of transcripts) and never stored in the case file.
/// </summary>
internal static partial class RecoveryKeyGuard
{
    /// <summary>The keys in <paramref name="text"/>; the whole text when the check cannot finish (never risk keeping a key).</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        try
        {
            return [.. RecoveryKey().Matches(text).Select(m => m.Value)];
        }
        catch (RegexMatchTimeoutException)
        {
            return [text];
        }
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?:[-\s]?\d{6}){7}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RecoveryKey();
}

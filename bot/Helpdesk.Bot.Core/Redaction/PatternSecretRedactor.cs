using System.Buffers;
using System.Text.RegularExpressions;

namespace Helpdesk.Bot.Core.Redaction;

/// <summary>
/// Replaces the turn's registered secrets and anything matching a secret pattern: bearer tokens, JWTs, credentials in
/// URLs and query strings, "password: …" phrases, plus patterns from configuration.
/// </summary>
public sealed class PatternSecretRedactor : ISecretRedactor
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1); // generous: a loaded machine must not turn ordinary text into a redaction marker

    private static readonly string[] BuiltInPatterns =
    [
        // JSON Web Tokens (header.payload.signature, base64url).
        @"\beyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}",
        // Authorization header values.
        @"(?i)\b(bearer|basic)\s+[A-Za-z0-9\-._~+/]{16,}=*",
        // Secrets in query strings and fragments: ?token=…, &code=…, #access_token=…
        @"(?i)(?<=[?&#](token|access_token|id_token|code|key|sig|signature|secret|password|pwd)=)[^&#\s""'<>]+",
        // "password: hunter2", "pwd=…", "passcode is 123456", "temporary password is …"
        @"(?i)(?<=\b(password|passwd|pwd|passcode|pin|otp|one-time code|verification code)\b\s*(is|:|=)\s*)\S+",
        // Direct Line secrets and the like presented as "secret …".
        @"(?i)(?<=\bsecret\s*(is|:|=)\s*)\S+",
    ];

    /// <summary>
    /// Every match of a built-in pattern contains one of these (compared ignoring case), so a text with none of them —
    /// most of an activity's strings: ids, types, URLs, ordinary messages — skips the built-in patterns.
    /// </summary>
    private static readonly SearchValues<string> BuiltInTriggers = SearchValues.Create(
        ["eyJ", "bearer", "basic", "token=", "code=", "key=", "sig=", "signature=", "secret", "password", "passwd", "pwd", "passcode", "pin", "otp", "one-time code", "verification code"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Compiled once per process and shared by every instance: they run on every string of every stored activity, and
    /// the look-behind patterns have no literal prefix to search for, so the interpreter tried them at each position
    /// (~3% of a turn's CPU under load).
    /// </summary>
    private static readonly Regex[] BuiltIn = [.. BuiltInPatterns.Select(Create)];

    private readonly Regex[] _extra;

    public PatternSecretRedactor(IEnumerable<string>? extraPatterns = null)
    {
        _extra = [.. (extraPatterns ?? []).Select(Create)];
    }

    public string Redact(string text, TurnSecrets? secrets = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        var result = text;
        if (secrets is not null)
        {
            foreach (var value in secrets.LongestFirst)
            {
                result = result.Replace(value, RedactionMarker.Text, StringComparison.Ordinal);
            }
        }

        try
        {
            if (MayMatchBuiltIn(result))
            {
                result = ReplaceAll(BuiltIn, result);
            }

            return ReplaceAll(_extra, result);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological input: drop it rather than risk keeping a secret.
            return RedactionMarker.Text;
        }
    }

    /// <summary>
    /// False only when no built-in pattern can match: the text holds no trigger, also after mapping each non-ASCII
    /// letter that is a case variant of an ASCII one (the patterns ignore case the regex way: the Kelvin sign is a
    /// "k", the long s an "s") to that ASCII letter. Other non-ASCII text (an em dash, accents, emoji) then skips the
    /// patterns like ASCII text does.
    /// </summary>
    private static bool MayMatchBuiltIn(string text)
    {
        if (text.AsSpan().ContainsAny(BuiltInTriggers))
        {
            return true;
        }

        if (System.Text.Ascii.IsValid(text))
        {
            return false;
        }

        var folded = string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = FoldToAscii(source[i]);
            }
        });
        return folded.AsSpan().ContainsAny(BuiltInTriggers);
    }

    /// <summary>The ASCII letter <paramref name="c"/> is a case variant of, else <paramref name="c"/> itself.</summary>
    internal static char FoldToAscii(char c)
    {
        if (char.IsAscii(c))
        {
            return c;
        }

        var lower = char.ToLowerInvariant(c);
        if (char.IsAscii(lower))
        {
            return lower;
        }

        var upper = char.ToUpperInvariant(c);
        return char.IsAscii(upper) ? upper : c;
    }

    private static Regex Create(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

    private static string ReplaceAll(Regex[] patterns, string text)
    {
        foreach (var pattern in patterns)
        {
            text = pattern.Replace(text, RedactionMarker.Text);
        }

        return text;
    }
}

using System.Globalization;
using System.Text;

namespace Helpdesk.Skills.PasswordReset.Policy;

/// <summary>
/// NIST SP 800-63B rev. 4 for a new password: at least <see cref="PasswordResetOptions.MinPasswordLength"/> characters
/// (15 by default) and up to <see cref="PasswordResetOptions.MaxPasswordLength"/> (at least 64), counted in Unicode
/// characters after NFKC normalization, every character allowed (spaces too), no composition rules; refused when on
/// the blocklist of common and compromised passwords, when it contains the user's name, user name or the company,
/// or when zxcvbn rates it below <see cref="PasswordResetOptions.MinStrengthScore"/>. This check is the authority;
/// the page's meter only helps.
/// </summary>
public sealed class PasswordPolicy(PasswordResetOptions options, PasswordBlocklist blocklist)
{
    /// <summary>Context words shorter than this are not looked for (they would refuse ordinary words).</summary>
    public const int MinContextWordLength = 4;

    public int MinLength => options.MinPasswordLength;

    public int MaxLength => options.MaxPasswordLength;

    /// <summary>Checks <paramref name="password"/> (and that <paramref name="confirmation"/> matches when given).</summary>
    public PasswordCheck Check(string password, IEnumerable<string> contextWords, string? confirmation = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        var words = contextWords.Concat(options.ContextWords)
            .Where(w => !string.IsNullOrWhiteSpace(w))
            .Select(w => w.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var normalized = password.Normalize(NormalizationForm.FormKC);
        var length = new StringInfo(normalized).LengthInTextElements;
        var problems = new List<PasswordProblem>();
        var messages = new List<string>();

        void Add(PasswordProblem problem, string message)
        {
            problems.Add(problem);
            messages.Add(message);
        }

        if (confirmation is not null && !string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            Add(PasswordProblem.Mismatch, "The two passwords don't match.");
        }

        if (length < MinLength)
        {
            Add(PasswordProblem.TooShort, $"Use at least {MinLength} characters — a few unrelated words make a long password that is easy to remember.");
        }

        if (length > MaxLength)
        {
            Add(PasswordProblem.TooLong, $"Use at most {MaxLength} characters.");
        }

        if (length > MaxLength)
        {
            return new PasswordCheck(problems, messages, 0);
        }

        if (blocklist.Contains(normalized) || blocklist.Contains(password))
        {
            Add(PasswordProblem.Blocklisted, "That password is on a list of common or leaked passwords. Choose a different one.");
        }

        var context = words.FirstOrDefault(w => w.Length >= MinContextWordLength && normalized.Contains(w, StringComparison.OrdinalIgnoreCase));
        if (context is not null)
        {
            Add(PasswordProblem.ContainsContextWord, "Don't use your name, user name or the company name in your password.");
        }

        var score = Zxcvbn.Zxcvbn.MatchPassword(normalized, words).Score;
        if (score < options.MinStrengthScore && !problems.Contains(PasswordProblem.TooShort))
        {
            Add(PasswordProblem.TooGuessable, "That password would be easy to guess (common words, names, dates or patterns). Add more unrelated words.");
        }

        return new PasswordCheck(problems, messages, score);
    }
}

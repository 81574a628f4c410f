using System.Text;

namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// What makes two questions "the same" for the knowledge reports: case, surrounding and repeated white space, and
/// trailing punctuation ("VPN broken?!" = "vpn  broken") do not count; wording does.
/// </summary>
public static class QuestionKey
{
    /// <summary>The most characters of a question a key keeps.</summary>
    public const int MaxLength = 200;

    /// <summary>The grouping key of <paramref name="question"/>.</summary>
    public static string For(string question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var builder = new StringBuilder(Math.Min(question.Length, MaxLength));
        var pendingSpace = false;
        foreach (var c in question.Trim().TrimEnd('?', '!', '.', ',', ';', ':', ' ').AsSpan())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (builder.Length + (pendingSpace ? 2 : 1) > MaxLength)
            {
                break;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}

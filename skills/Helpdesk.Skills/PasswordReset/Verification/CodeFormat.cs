namespace Helpdesk.Skills.PasswordReset.Verification;

/// <summary>Reads a code the user typed: digits, with spaces or dashes ignored ("123 456", "123-456").</summary>
public static class CodeFormat
{
    /// <summary>The digits of <paramref name="text"/> when it is a code of <paramref name="length"/> digits, else null.</summary>
    public static string? Parse(string? text, int length)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return null;
        }

        Span<char> digits = stackalloc char[40];
        var count = 0;
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '.'))
            {
                return null;
            }
        }

        return count == length ? new string(digits[..count]) : null;
    }
}

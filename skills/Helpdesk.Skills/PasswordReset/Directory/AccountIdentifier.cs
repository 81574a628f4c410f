using System.Text.RegularExpressions;

namespace Helpdesk.Skills.PasswordReset.Directory;

/// <summary>What a user types to name an account: a user name, a UPN or an e-mail address.</summary>
public static partial class AccountIdentifier
{
    /// <summary>Longest identifier accepted (UPNs are at most 113 characters in Entra ID, 256 in AD).</summary>
    public const int MaxLength = 256;

    /// <summary>The identifier trimmed and lower-cased, or null when it cannot name an account (empty, too long, spaces, odd characters).</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim().Trim('<', '>', '"', '\'', '.', ',');
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || !Shape().IsMatch(trimmed))
        {
            return null;
        }

        // "CONTOSO\ada" names the user "ada".
        var slash = trimmed.LastIndexOf('\\');
        if (slash >= 0)
        {
            trimmed = trimmed[(slash + 1)..];
        }

        return trimmed.Length == 0 ? null : trimmed.ToLowerInvariant();
    }

    [GeneratedRegex(@"^[\p{L}\p{N}._%+\-'@\\]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

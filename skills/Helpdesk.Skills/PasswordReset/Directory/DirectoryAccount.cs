namespace Helpdesk.Skills.PasswordReset.Directory;

/// <summary>An account as the skill needs it. Never holds a password or a secret.</summary>
/// <param name="Id">The directory's stable id (embedded id, AD objectGUID, Entra object id).</param>
/// <param name="UserName">sAMAccountName or mail nickname.</param>
/// <param name="UserPrincipalName">The sign-in name (UPN), when it has one.</param>
/// <param name="DisplayName">The name people see.</param>
/// <param name="Email">The work mailbox (notified after a reset), when it has one.</param>
/// <param name="AlternateEmail">The registered alternate e-mail address for codes, when registered.</param>
/// <param name="MobilePhone">The registered phone for text messages (E.164), when registered.</param>
/// <param name="IsLocked">True when the account is locked out now.</param>
/// <param name="IsEnabled">False for a disabled account (no self-service).</param>
/// <param name="Department">The department, when the directory has one (for troubleshooting flows and agents).</param>
/// <param name="Office">The office or location, when the directory has one.</param>
public sealed record DirectoryAccount(
    string Id,
    string UserName,
    string? UserPrincipalName,
    string DisplayName,
    string? Email,
    string? AlternateEmail,
    string? MobilePhone,
    bool IsLocked,
    bool IsEnabled = true,
    string? Department = null,
    string? Office = null)
{
    /// <summary>The name shown to the user and agents: the UPN, else the user name.</summary>
    public string SignInName => UserPrincipalName ?? UserName;

    /// <summary>The words a new password may not contain: user name, UPN and e-mail local parts, name parts.</summary>
    public IReadOnlyList<string> ContextWords()
    {
        var words = new List<string> { UserName };
        foreach (var address in new[] { UserPrincipalName, Email, AlternateEmail })
        {
            if (!string.IsNullOrEmpty(address))
            {
                var at = address.IndexOf('@', StringComparison.Ordinal);
                words.Add(at > 0 ? address[..at] : address);
            }
        }

        words.AddRange(DisplayName.Split([' ', '.', '-', '_', ','], StringSplitOptions.RemoveEmptyEntries));
        return [.. words.Where(w => w.Length >= 3).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}

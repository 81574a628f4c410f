namespace Helpdesk.Skills.PasswordReset.Directory;

/// <summary>
/// The directory that holds the accounts (embedded SQLite, Active Directory over LDAPS, Entra ID over Microsoft
/// Graph), behind one small contract. Every method throws <see cref="DirectoryUnavailableException"/> when the
/// directory cannot be reached; the skill then offers a person.
/// </summary>
public interface IAccountDirectory
{
    /// <summary>A short name for logs and the audit ("embedded", "active-directory", "entra-id").</summary>
    string Name { get; }

    /// <summary>The account a user named (user name, UPN or e-mail address), or null when there is none.</summary>
    Task<DirectoryAccount?> FindAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>The account with the directory's own stable id (<see cref="DirectoryAccount.Id"/>) or, for a channel hint, its Entra object id.</summary>
    Task<DirectoryAccount?> FindByIdAsync(string id, CancellationToken cancellationToken);

    /// <summary>Clears a lockout without touching the password.</summary>
    Task UnlockAsync(DirectoryAccount account, CancellationToken cancellationToken);

    /// <summary>Sets a new password (and clears a lockout); with <paramref name="mustChangeAtNextSignIn"/> the user must change it at the next sign-in.</summary>
    Task<PasswordChangeResult> SetPasswordAsync(DirectoryAccount account, string newPassword, bool mustChangeAtNextSignIn, CancellationToken cancellationToken);
}

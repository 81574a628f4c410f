namespace Helpdesk.Skills.Troubleshooting.UserDirectory;

/// <summary>
/// Looks the chatting user up in the company directory for the <c>lookup_user</c> flow action (department, office,
/// manager, devices). A seam with a harmless default (<see cref="NoUserDirectory"/>): a real directory (Entra ID /
/// Active Directory) plugs in by registering its own implementation.
/// </summary>
public interface IUserDirectoryLookup
{
    /// <summary>The user, or null when the directory doesn't know them or isn't configured.</summary>
    Task<DirectoryUser?> FindAsync(DirectoryLookupRequest request, CancellationToken cancellationToken);
}

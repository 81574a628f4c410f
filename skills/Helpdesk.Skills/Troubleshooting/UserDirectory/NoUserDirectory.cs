namespace Helpdesk.Skills.Troubleshooting.UserDirectory;

/// <summary>The default: no directory is configured, so nobody is found and flows take their <c>not_found</c> way.</summary>
public sealed class NoUserDirectory : IUserDirectoryLookup
{
    public Task<DirectoryUser?> FindAsync(DirectoryLookupRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<DirectoryUser?>(null);
}

using Helpdesk.Skills.Troubleshooting.UserDirectory;

namespace Helpdesk.Skills.Tests.Troubleshooting.Support;

/// <summary>A directory that knows one user (or nobody), and remembers what it was asked.</summary>
internal sealed class FixedUserDirectory(DirectoryUser? user) : IUserDirectoryLookup
{
    public static DirectoryUser Ada { get; } = new(
        "Ada Lovelace", "ada@contoso.com", "Finance", "London", "Grace Hopper",
        [new DirectoryDevice("CON-LT-4821", "Windows 11 24H2", true)]);

    public List<DirectoryLookupRequest> Requests { get; } = [];

    public Task<DirectoryUser?> FindAsync(DirectoryLookupRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(user);
    }
}

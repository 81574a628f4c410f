namespace Helpdesk.Skills.Troubleshooting.UserDirectory;

/// <summary>The directory facts a flow can use (<c>{user.department}</c>…) and the agent sees in the case file. Never a secret.</summary>
/// <param name="DisplayName">The name people see.</param>
/// <param name="Email">The work mailbox.</param>
/// <param name="Department">The department.</param>
/// <param name="Office">The office or location.</param>
/// <param name="Manager">The manager's name.</param>
/// <param name="Devices">Devices registered to the user.</param>
/// <param name="AccountLocked">Whether the account is locked out now, when the directory knows.</param>
public sealed record DirectoryUser(
    string DisplayName,
    string? Email,
    string? Department,
    string? Office,
    string? Manager,
    IReadOnlyList<DirectoryDevice> Devices,
    bool? AccountLocked = null);

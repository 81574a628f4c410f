namespace Helpdesk.Skills.Troubleshooting.UserDirectory;

/// <summary>The directory facts a flow can use (<c>{user.department}</c>…) and the agent sees in the case file.</summary>
public sealed record DirectoryUser(
    string DisplayName,
    string? Email,
    string? Department,
    string? Office,
    string? Manager,
    IReadOnlyList<DirectoryDevice> Devices);

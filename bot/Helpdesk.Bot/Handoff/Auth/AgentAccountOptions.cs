namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>A local agent account from configuration (<c>Handoff:Console:Accounts:N</c>); the password only as a hash.</summary>
internal sealed class AgentAccountOptions
{
    public string Username { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary><c>pbkdf2-sha256$600000$salt$key</c> (see <see cref="AgentPasswordHasher"/>).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary><c>agent</c> and/or <c>supervisor</c>.</summary>
    public List<string> Roles { get; set; } = [AgentRoles.Agent];
}

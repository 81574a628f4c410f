namespace Helpdesk.Bot.Handoff.Store;

/// <summary>Agent accounts and presence (who is online), shared by every instance through the store.</summary>
internal interface IAgentStore
{
    Task<AgentAccount?> FindAgentAsync(string username, CancellationToken cancellationToken);

    /// <summary>Adds the account unless one with that username exists; true when added.</summary>
    Task<bool> AddAgentIfMissingAsync(AgentAccount account, CancellationToken cancellationToken);

    /// <summary>Creates or updates an account signed in through OpenID Connect (display name and roles from the token).</summary>
    Task UpsertExternalAgentAsync(string username, string displayName, IReadOnlyList<string> roles, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<AgentAccount>> ListAgentsAsync(CancellationToken cancellationToken);

    /// <summary>Marks the agent as seen now (console open).</summary>
    Task TouchAgentAsync(string username, DateTimeOffset at, CancellationToken cancellationToken);
}

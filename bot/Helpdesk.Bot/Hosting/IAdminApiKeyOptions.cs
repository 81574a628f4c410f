namespace Helpdesk.Bot.Hosting;

/// <summary>Options of a feature with an admin API guarded by <see cref="AdminApiKeyFilter{TOptions}"/>.</summary>
internal interface IAdminApiKeyOptions
{
    /// <summary>The shortest admin key accepted (validated at start).</summary>
    const int MinimumKeyLength = 32;

    /// <summary>The key callers send in <c>X-Api-Key</c>; empty = the admin API is off (404), except in Development for this machine.</summary>
    string? AdminApiKey { get; }
}

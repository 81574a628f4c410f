using System.Collections.Concurrent;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// Display names of Slack users (events carry only ids), from <c>users.info</c>, cached for a day — so the bot greets
/// people by name as it does in Teams and Web Chat. A lookup that fails (no <c>users:read</c> scope, Slack down) gives
/// no name and is not retried for ten minutes; it never fails the turn.
/// </summary>
internal sealed class SlackUserDirectory(SlackApiClient api, TimeProvider timeProvider, ILogger<SlackUserDirectory> logger)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan FailureLifetime = TimeSpan.FromMinutes(10);
    private const int MaxUsers = 20_000;

    private readonly ConcurrentDictionary<string, (string? Name, DateTimeOffset Expires)> _names = new(StringComparer.Ordinal);

    public async Task<string?> GetNameAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var now = timeProvider.GetUtcNow();
        if (_names.TryGetValue(userId, out var cached) && cached.Expires > now)
        {
            return cached.Name;
        }

        string? name = null;
        var lifetime = Lifetime;
        try
        {
            name = await api.GetUserNameAsync(userId, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            lifetime = FailureLifetime;
            logger.LogInformation("Slack: no display name for a user ({Error})", (ex as SlackApiException)?.Error ?? ex.GetType().Name);
        }

        if (_names.Count >= MaxUsers)
        {
            _names.Clear();
        }

        _names[userId] = (name, now + lifetime);
        return name;
    }
}

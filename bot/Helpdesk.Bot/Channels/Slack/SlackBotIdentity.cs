using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>The bot's own Slack user id: configured, or learnt from the first event's <c>authorizations</c>.</summary>
internal sealed class SlackBotIdentity(IOptions<SlackOptions> options)
{
    private volatile string? _userId = string.IsNullOrWhiteSpace(options.Value.BotUserId) ? null : options.Value.BotUserId;

    public string? UserId => _userId;

    public void Learn(string? userId)
    {
        if (_userId is null && !string.IsNullOrWhiteSpace(userId))
        {
            _userId = userId;
        }
    }
}

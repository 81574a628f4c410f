using Helpdesk.Bot.Channels.BotFramework;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>Checks the <c>Slack</c> section at start; every message names the setting to fix.</summary>
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasSecret = !string.IsNullOrWhiteSpace(options.SigningSecret);
        var hasToken = !string.IsNullOrWhiteSpace(options.BotToken);
        if (hasSecret != hasToken)
        {
            failures.Add(hasSecret
                ? "Slack:BotToken is required when Slack:SigningSecret is set (the bot user OAuth token, xoxb-…, from OAuth & Permissions)."
                : "Slack:SigningSecret is required when Slack:BotToken is set (Basic Information → App Credentials → Signing Secret).");
        }

        if (hasToken && !options.BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot user OAuth token (it starts with 'xoxb-').");
        }

        if (!ServiceUrlPolicy.IsAllowed(options.ApiBaseUrl, out _))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute https URL (plain http only to localhost).");
        }

        if (options.SignatureTolerance <= TimeSpan.Zero || options.SignatureTolerance > TimeSpan.FromMinutes(15))
        {
            failures.Add("Slack:SignatureTolerance must be between 00:00:01 and 00:15:00 (Slack recommends 5 minutes).");
        }

        if (options.DeduplicationWindow < TimeSpan.FromMinutes(1))
        {
            failures.Add("Slack:DeduplicationWindow must be at least one minute (Slack retries an event for a few minutes).");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Slack:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryDelay < TimeSpan.Zero)
        {
            failures.Add("Slack:RetryBaseDelay and Slack:MaxRetryDelay must not be negative.");
        }

        if (options.MaxQueuedTurns < 1)
        {
            failures.Add("Slack:MaxQueuedTurns must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>An inbound activity read from a request body, or why the body is not one (safe to show the caller).</summary>
internal sealed record BotFrameworkActivityReadResult(Activity? Activity, string? Error)
{
    public static BotFrameworkActivityReadResult Success(Activity activity) => new(activity, null);

    public static BotFrameworkActivityReadResult Invalid(string error) => new(null, error);
}

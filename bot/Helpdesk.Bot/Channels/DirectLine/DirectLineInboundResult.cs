using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>A posted activity ready for the bot, or why it was refused (a 400 message).</summary>
internal sealed record DirectLineInboundResult(Activity? Activity, string? Error)
{
    public static DirectLineInboundResult Refused(string error) => new(null, error);
}

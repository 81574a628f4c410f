namespace Helpdesk.Bot.Core.Schema;

/// <summary>Well-known <see cref="Activity.ChannelId"/> values.</summary>
public static class ChannelIds
{
    public const string Msteams = "msteams";
    public const string Slack = "slack";
    public const string Webchat = "webchat";
    public const string Directline = "directline";
    public const string Emulator = "emulator";
    public const string Test = "test";
}

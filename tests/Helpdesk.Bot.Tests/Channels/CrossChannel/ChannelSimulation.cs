using System.Text.RegularExpressions;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Tests.Channels.CrossChannel;

/// <summary>
/// One channel's mapping as the production code does it, without HTTP: what the bot receives when the user types or
/// clicks (the channel's payload through its inbound mapper) and how a bot activity looks to the user (through its
/// outbound renderer). The same conversations run through each, so a dialog that works in one can't silently break
/// in another.
/// </summary>
internal abstract partial class ChannelSimulation(string name)
{
    private int _ids;

    public string Name { get; } = name;

    /// <summary>The activity the bot receives when the user types <paramref name="text"/>.</summary>
    public abstract Activity Typed(string text);

    /// <summary>How <paramref name="botActivity"/> looks in the channel (null: nothing shown, e.g. typing).</summary>
    public abstract RenderedReply? Render(Activity botActivity);

    public override string ToString() => Name;

    /// <summary>Words without markup (**bold**, *bold*, _italic_, list bullets, Slack escapes), for comparing channels.</summary>
    protected static string Plain(string? text) =>
        Emphasis().Replace(Bullet().Replace(text ?? string.Empty, "${indent}- "), string.Empty)
            .Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)
            .Trim();

    protected string NextId() => $"{Name}-{Interlocked.Increment(ref _ids)}";

    [GeneratedRegex(@"[*_~]")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^(?<indent>[ \t]*)[-•+] ", RegexOptions.Multiline)]
    private static partial Regex Bullet();
}

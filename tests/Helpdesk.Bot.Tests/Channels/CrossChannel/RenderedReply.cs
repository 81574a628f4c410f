namespace Helpdesk.Bot.Tests.Channels.CrossChannel;

/// <summary>One bot message as a channel shows it: its words (markup removed) and its buttons.</summary>
internal sealed record RenderedReply(string Text, IReadOnlyList<RenderedButton> Buttons)
{
    public override string ToString() => Buttons.Count == 0 ? Text : $"{Text} [{string.Join(" | ", Buttons.Select(b => b.Title))}]";
}

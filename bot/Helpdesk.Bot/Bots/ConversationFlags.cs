namespace Helpdesk.Bot.Bots;

/// <summary>What the bot remembers about a conversation outside dialogs.</summary>
internal sealed class ConversationFlags
{
    /// <summary>True once the welcome has been shown (it is shown once per conversation).</summary>
    public bool Welcomed { get; set; }
}

namespace Helpdesk.Bot.Core.Schema;

/// <summary>Content types of the card attachments the bot sends.</summary>
public static class AttachmentContentTypes
{
    public const string HeroCard = "application/vnd.microsoft.card.hero";
    public const string ThumbnailCard = "application/vnd.microsoft.card.thumbnail";
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
    public const string Json = "application/json";
}

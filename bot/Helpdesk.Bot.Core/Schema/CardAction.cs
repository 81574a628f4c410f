using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>A clickable action (button) on a card or in suggested actions.</summary>
public sealed class CardAction
{
    public CardAction()
    {
    }

    public CardAction(string type, string? title = null, object? value = null)
    {
        Type = type;
        Title = title;
        Value = value;
    }

    public string? Type { get; set; }

    public string? Title { get; set; }

    public string? Image { get; set; }

    public string? ImageAltText { get; set; }

    public string? Text { get; set; }

    public string? DisplayText { get; set; }

    public object? Value { get; set; }

    public object? ChannelData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A button that sends <paramref name="value"/> back as the user's message (shown in the chat).</summary>
    public static CardAction ImBack(string title, string? value = null) => new(ActionTypes.ImBack, title, value ?? title);

    /// <summary>A button that opens <paramref name="url"/>.</summary>
    public static CardAction OpenUrl(string title, string url) => new(ActionTypes.OpenUrl, title, url);
}

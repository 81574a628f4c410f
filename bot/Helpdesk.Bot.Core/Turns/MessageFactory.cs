using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Turns;

/// <summary>Builds the message activities bots send most.</summary>
public static class MessageFactory
{
    public static Activity Text(string text, string? inputHint = null) =>
        new() { Type = ActivityTypes.Message, Text = text, InputHint = inputHint ?? InputHints.AcceptingInput };

    /// <summary>A message with quick-reply buttons (imBack: the button's value comes back as the user's text).</summary>
    public static Activity SuggestedActions(IEnumerable<string> choices, string? text = null) =>
        SuggestedActions(choices.Select(c => CardAction.ImBack(c)), text);

    public static Activity SuggestedActions(IEnumerable<CardAction> actions, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        InputHint = InputHints.ExpectingInput,
        SuggestedActions = new SuggestedActions(actions),
    };

    public static Activity Attachment(Attachment attachment, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Attachments = [attachment],
    };

    public static Activity Carousel(IEnumerable<Attachment> attachments, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        AttachmentLayout = "carousel",
        Attachments = [.. attachments],
    };
}

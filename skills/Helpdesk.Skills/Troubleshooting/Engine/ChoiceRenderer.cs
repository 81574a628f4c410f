using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>
/// Puts answer buttons on a message the way each channel shows them best. Web Chat, Direct Line and the emulator show
/// suggested actions (quick replies). Teams shows only the first three suggested actions, so more buttons go on hero
/// cards (six to a card); Slack (through Azure Bot Service) has no quick replies, so it always gets cards. The buttons
/// are imBack: a click sends the button text, exactly as if the user had typed it.
/// </summary>
internal static class ChoiceRenderer
{
    /// <summary>Most suggested actions Teams displays.</summary>
    public const int TeamsSuggestedActionLimit = 3;

    /// <summary>Buttons per hero card.</summary>
    public const int ButtonsPerCard = 6;

    public static Activity Render(string? channelId, string text, IReadOnlyList<string> buttons)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(buttons);
        if (buttons.Count == 0)
        {
            return MessageFactory.Text(text, InputHints.ExpectingInput);
        }

        var useCards = channelId switch
        {
            ChannelIds.Msteams => buttons.Count > TeamsSuggestedActionLimit,
            ChannelIds.Slack => true,
            _ => false,
        };
        if (!useCards)
        {
            return MessageFactory.SuggestedActions(buttons, text);
        }

        var cards = buttons
            .Chunk(ButtonsPerCard)
            .Select(chunk => new Attachment
            {
                ContentType = AttachmentContentTypes.HeroCard,
                Content = new HeroCard(null, null, [.. chunk.Select(b => CardAction.ImBack(b))]),
            })
            .ToList();
        return new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            InputHint = InputHints.ExpectingInput,
            AttachmentLayout = "list",
            Attachments = cards,
        };
    }
}

using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>
/// Puts answer buttons on a message as channel-neutral suggested actions (imBack: a click sends the button text,
/// exactly as if the user had typed it). Each channel's outbound step renders them natively: Teams turns more than
/// three, or any in a group chat or channel, into an Adaptive Card; Slack into Block Kit buttons.
/// </summary>
internal static class ChoiceRenderer
{
    public static Activity Render(string text, IReadOnlyList<string> buttons)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(buttons);
        var activity = buttons.Count == 0 ? MessageFactory.Text(text) : MessageFactory.SuggestedActions(buttons, text);
        activity.InputHint = InputHints.ExpectingInput;
        return activity;
    }
}

using System.Globalization;
using System.Text;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>Renders choices into a message in one of the <see cref="ListStyle"/>s.</summary>
public static class ChoiceFactory
{
    /// <summary>
    /// A copy of <paramref name="prompt"/> (or a new message) showing <paramref name="choices"/> in <paramref name="style"/>.
    /// The prompt itself is not changed.
    /// </summary>
    public static Activity Render(Activity? prompt, IReadOnlyList<Choice> choices, ListStyle style)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var activity = prompt?.Clone() ?? MessageFactory.Text(string.Empty);
        activity.Type ??= ActivityTypes.Message;
        activity.InputHint = InputHints.ExpectingInput;
        switch (style)
        {
            case ListStyle.SuggestedAction:
                activity.SuggestedActions = new SuggestedActions(ToActions(choices));
                break;
            case ListStyle.Inline:
                activity.Text = Join(activity.Text, Inline(choices), " ");
                break;
            case ListStyle.List:
                activity.Text = Join(activity.Text, List(choices), "\n\n");
                break;
            case ListStyle.None:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown list style.");
        }

        return activity;
    }

    /// <summary>The buttons for <paramref name="choices"/>: each choice's own action, or an imBack of its value.</summary>
    public static IReadOnlyList<CardAction> ToActions(IEnumerable<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return [.. choices.Select(c => c.Action ?? CardAction.ImBack(c.Value))];
    }

    /// <summary>"(1) A, (2) B, or (3) C".</summary>
    public static string Inline(IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var builder = new StringBuilder();
        for (var i = 0; i < choices.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(choices.Count == 2 ? " or " : i == choices.Count - 1 ? ", or " : ", ");
            }

            builder.Append(CultureInfo.InvariantCulture, $"({i + 1}) {Title(choices[i])}");
        }

        return builder.ToString();
    }

    /// <summary>"1. A", "2. B"… one per line.</summary>
    public static string List(IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return string.Join('\n', choices.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {Title(c)}")));
    }

    private static string Title(Choice choice) => choice.Action?.Title ?? choice.Value;

    private static string Join(string? text, string addition, string separator) =>
        string.IsNullOrEmpty(text) ? addition : text + separator + addition;
}

using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Dialogs.Choices;

/// <summary>
/// One option offered to the user.
/// </summary>
/// <param name="Value">The text shown and returned when the option is picked.</param>
/// <param name="Synonyms">Other words that pick this option ("pw", "forgot password"…).</param>
/// <param name="Action">The button to render instead of the default imBack button (its title also picks the option).</param>
public sealed record Choice(string Value, IReadOnlyList<string>? Synonyms = null, CardAction? Action = null);

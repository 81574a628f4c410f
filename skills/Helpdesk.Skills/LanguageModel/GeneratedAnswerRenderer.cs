using System.Text;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.LanguageModel;

/// <summary>
/// The message showing a grounded answer: the answer, the cited articles as links to their pages (<c>/kb/{id}</c>),
/// their attribution lines (third-party content), and a line saying the answer was generated from them.
/// </summary>
public static class GeneratedAnswerRenderer
{
    public const string SourcesLabel = "Sources:";

    public const string GeneratedNote = "_Written by the assistant from the help articles linked above — open them for the full steps._";

    /// <summary>The message for <paramref name="answer"/>, citing <paramref name="cited"/> (in the answer's order).</summary>
    public static Activity Render(GroundedAnswer answer, IReadOnlyList<FoundArticle> cited)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(cited);
        if (!answer.Covered || cited.Count == 0)
        {
            throw new ArgumentException("Only a covered answer with citations is shown.", nameof(answer));
        }

        var text = new StringBuilder(answer.Text.Trim());
        text.Append("\n\n**").Append(SourcesLabel).Append("** ");
        text.AppendJoin(" · ", cited.Select(a => $"[{LinkText(a.Card.Title)}]({a.Card.Url})"));
        foreach (var attribution in cited.Select(a => a.Card.Attribution).Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.Ordinal))
        {
            text.Append("\n\n_").Append(attribution!.Trim()).Append('_');
        }

        text.Append("\n\n").Append(GeneratedNote);
        var message = MessageFactory.Text(text.ToString());
        message.TextFormat = TextFormatTypes.Markdown;
        return message;
    }

    /// <summary>A title as link text: brackets would end the link early.</summary>
    private static string LinkText(string title) => title.Replace('[', '(').Replace(']', ')');
}

using System.Collections.Frozen;
using System.Text;
using Helpdesk.KnowledgeIndex.Articles;

namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// The ticket category (<c>area/topic</c>, e.g. <c>network/vpn</c>) for a conversation that goes to a person after
/// an article: the area from the article's category (the project's own categories map to the desk's areas, any
/// other category is slugged), the topic from its first tag.
/// </summary>
public static class TicketCategories
{
    public const string General = "general";

    private static readonly FrozenDictionary<string, string> Areas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Accounts and sign-in"] = "account",
        ["Email and calendar"] = "email",
        ["Files and storage"] = "files",
        ["Getting started"] = "onboarding",
        ["Network and remote access"] = "network",
        ["Printing"] = "printing",
        ["Security"] = "security",
        ["Software and devices"] = "software",
        ["Teams and meetings"] = "collaboration",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The category for <paramref name="article"/>.</summary>
    public static string For(KnowledgeArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var area = article.Category is { Length: > 0 } category
            ? Areas.TryGetValue(category, out var known) ? known : Slug(category)
            : General;
        if (area.Length == 0)
        {
            area = General;
        }

        var topic = article.Tags.Select(Slug).FirstOrDefault(t => t.Length > 0);
        return topic is null || topic == area ? area : area + "/" + topic;
    }

    /// <summary>Lower-case letters and digits, other runs of characters as one '-'.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}

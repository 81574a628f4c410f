using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// The one place article cards are built. Channels that render Adaptive Cards (Web Chat, Direct Line clients, Teams,
/// the Emulator) get one Adaptive Card 1.5 listing the articles — title, category and date, summary, for the best
/// match also the passage that matches the question, the attribution line for third-party content, and an "Open
/// article" button for each; any other channel (Slack through Azure Bot
/// Service, unknown ones) gets a carousel of hero cards with the same content. A channel-specific renderer (Slack
/// Block Kit, Teams-only features) belongs here too.
/// </summary>
public static class ArticleCardRenderer
{
    public const string AdaptiveCardSchema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string AdaptiveCardVersion = "1.5";

    /// <summary>Longest passage put on a card (the index cuts snippets at 240 characters).</summary>
    public const int MaxTextLength = 320;

    private static readonly FrozenSet<string> AdaptiveChannels = FrozenSet.ToFrozenSet(
        [ChannelIds.Webchat, ChannelIds.Directline, ChannelIds.Msteams, ChannelIds.Emulator, ChannelIds.Test],
        StringComparer.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="channelId"/> renders Adaptive Cards.</summary>
    public static bool SupportsAdaptiveCards(string? channelId) => channelId is not null && AdaptiveChannels.Contains(channelId);

    /// <summary>The message showing <paramref name="page"/> on <paramref name="channelId"/>.</summary>
    public static Activity Render(ArticleCardPage page, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Articles.Count == 0)
        {
            throw new ArgumentException("An article card needs at least one article.", nameof(page));
        }

        if (SupportsAdaptiveCards(channelId))
        {
            var activity = MessageFactory.Attachment(new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = AdaptiveCard(page) });
            activity.Summary = Summary(page);
            return activity;
        }

        var cards = page.Articles.Select(HeroCard).ToList();
        var message = cards.Count == 1 ? MessageFactory.Attachment(cards[0], page.Heading) : MessageFactory.Carousel(cards, page.Heading);
        message.Summary = Summary(page);
        return message;
    }

    /// <summary>The Adaptive Card (1.5) for <paramref name="page"/>.</summary>
    public static JsonObject AdaptiveCard(ArticleCardPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = Plain(page.Heading), ["wrap"] = true, ["weight"] = "Bolder" },
        };
        for (var i = 0; i < page.Articles.Count; i++)
        {
            body.Add(ArticleContainer(page.Articles[i], featured: i == 0, separator: i > 0));
        }

        return new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = AdaptiveCardSchema,
            ["version"] = AdaptiveCardVersion,
            ["speak"] = Summary(page),
            ["body"] = body,
        };
    }

    private static JsonObject ArticleContainer(ArticleCardItem article, bool featured, bool separator)
    {
        var items = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = Plain(article.Title), ["wrap"] = true, ["weight"] = "Bolder",
                ["size"] = featured ? "Medium" : "Default", ["color"] = "Accent", ["style"] = "heading",
            },
        };
        if (Meta(article) is { } meta)
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Plain(meta), ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small", ["spacing"] = "None" });
        }

        items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Plain(Shorten(article.Summary)), ["wrap"] = true, ["maxLines"] = featured ? 4 : 2 });
        if (featured && ShownSnippet(article) is { } snippet)
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Plain("“" + Shorten(snippet) + "”"), ["wrap"] = true, ["isSubtle"] = true, ["maxLines"] = 4 });
        }

        if (!string.IsNullOrWhiteSpace(article.Attribution))
        {
            items.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = Plain(article.Attribution), ["wrap"] = true, ["isSubtle"] = true, ["size"] = "Small" });
        }

        items.Add(new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = "Action.OpenUrl", ["title"] = KnowledgeTexts.OpenArticle, ["url"] = article.Url,
                    ["tooltip"] = KnowledgeTexts.OpenArticle + ": " + article.Title,
                },
            },
        });

        return new JsonObject { ["type"] = "Container", ["separator"] = separator, ["spacing"] = separator ? "Medium" : "Small", ["items"] = items };
    }

    private static Attachment HeroCard(ArticleCardItem article)
    {
        var text = Shorten(article.Summary);
        if (ShownSnippet(article) is { } snippet)
        {
            text += "\n\n“" + Shorten(snippet) + "”";
        }

        if (!string.IsNullOrWhiteSpace(article.Attribution))
        {
            text += "\n\n" + article.Attribution;
        }

        return new Attachment
        {
            ContentType = AttachmentContentTypes.HeroCard,
            Content = new JsonObject
            {
                ["title"] = article.Title,
                ["subtitle"] = Meta(article),
                ["text"] = text,
                ["buttons"] = new JsonArray { new JsonObject { ["type"] = ActionTypes.OpenUrl, ["title"] = KnowledgeTexts.OpenArticle, ["value"] = article.Url } },
            },
        };
    }

    private static string? Meta(ArticleCardItem article)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(article.Category))
        {
            parts.Add(article.Category);
        }

        if (article.Updated is { } updated)
        {
            parts.Add("Updated " + updated.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }

    /// <summary>The snippet, unless it only repeats the summary.</summary>
    private static string? ShownSnippet(ArticleCardItem article) =>
        string.IsNullOrWhiteSpace(article.Snippet) || article.Summary.Contains(article.Snippet.Trim().TrimEnd('…', '.'), StringComparison.OrdinalIgnoreCase)
            ? null
            : article.Snippet.Trim();

    private static string Summary(ArticleCardPage page) =>
        page.Heading + " " + string.Join("; ", page.Articles.Select(a => a.Title));

    private static string Shorten(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= MaxTextLength)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', MaxTextLength - 1);
        return trimmed[..(cut > MaxTextLength / 2 ? cut : MaxTextLength - 1)].TrimEnd() + "…";
    }

    /// <summary>Card text blocks render a Markdown subset: a "](" pair in article text must not turn into a link.</summary>
    private static string Plain(string text) => text.Replace("](", "] (", StringComparison.Ordinal);
}

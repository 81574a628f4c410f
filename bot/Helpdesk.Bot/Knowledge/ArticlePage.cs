using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Helpdesk.Bot.WebChat;
using Helpdesk.KnowledgeIndex.Articles;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// The HTML of an article page and of the "not found" page, in the Web Chat page's look (same header, styles and
/// brand colours). Every value is HTML-encoded; the body comes from <see cref="ArticleHtmlRenderer"/>.
/// </summary>
internal sealed partial class ArticlePage(IOptions<WebChatOptions> webChat)
{
    /// <summary>Shown under third-party articles: how this page differs from the source (CC BY asks to say so).</summary>
    public const string ChangesNote = "Shown here as text: images and embedded HTML of the original are left out.";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public string Render(KnowledgeArticle article, string bodyHtml, string nonce)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(bodyHtml);
        var meta = new List<string>(3);
        if (!string.IsNullOrWhiteSpace(article.Category))
        {
            meta.Add(Encoder.Encode(article.Category));
        }

        if (article.Updated is { } updated)
        {
            meta.Add("Updated <time datetime=\"" + updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\">" +
                Encoder.Encode(updated.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)) + "</time>");
        }

        if (!string.IsNullOrWhiteSpace(article.Owner))
        {
            meta.Add("Owner: " + Encoder.Encode(article.Owner));
        }

        var main = new StringBuilder();
        main.Append("<article class=\"kb-article\">");
        if (meta.Count > 0)
        {
            main.Append("<p class=\"kb-article__meta\">").Append(string.Join(" · ", meta)).Append("</p>");
        }

        main.Append("<h1 class=\"kb-article__title\">").Append(Encoder.Encode(article.Title)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(article.Summary))
        {
            main.Append("<p class=\"kb-article__summary\">").Append(Encoder.Encode(article.Summary)).Append("</p>");
        }

        main.Append("<div class=\"kb-article__body\">").Append(bodyHtml).Append("</div>");
        if (!string.IsNullOrWhiteSpace(article.Attribution))
        {
            main.Append("<footer class=\"kb-article__attribution\"><p>").Append(LinkUrls(article.Attribution)).Append("</p><p>")
                .Append(Encoder.Encode(ChangesNote)).Append("</p></footer>");
        }

        main.Append("</article>");
        return Document(article.Title, main.ToString(), nonce);
    }

    public string RenderNotFound(string nonce) => Document(
        "Article not found",
        "<article class=\"kb-article kb-article--missing\"><h1 class=\"kb-article__title\">Article not found</h1>" +
        "<p class=\"kb-article__summary\">This help article doesn't exist or was removed. Ask the assistant in the chat and it will find the current one.</p>" +
        "<p><a class=\"button\" href=\"/\">Back to the chat</a></p></article>",
        nonce);

    private string Document(string title, string main, string nonce)
    {
        var settings = webChat.Value;
        var site = Encoder.Encode(settings.Title);
        var brand = ":root { --brand: " + Encoder.Encode(settings.BrandColor) +
            "; --brand-fg: " + Encoder.Encode(BrandPalette.ForegroundFor(settings.BrandColor)) +
            "; --brand-dark: " + Encoder.Encode(BrandPalette.Darken(settings.BrandColor, 0.2)) + "; }";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="color-scheme" content="light">
              <meta name="robots" content="noindex">
              <title>{Encoder.Encode(title)} · {site}</title>
              <link rel="icon" href="/img/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/css/site.css">
              <link rel="stylesheet" href="/css/kb.css">
              <style nonce="{Encoder.Encode(nonce)}">{brand}</style>
            </head>
            <body class="kb-page">
              <header class="site-header">
                <div class="site-header__inner">
                  <a class="site-header__brand" href="/">
                    <svg class="site-header__logo" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 2a9 9 0 0 0-9 9v6a3 3 0 0 0 3 3h1a1 1 0 0 0 1-1v-6a1 1 0 0 0-1-1H5v-1a7 7 0 0 1 14 0v1h-2a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h2v.5a1.5 1.5 0 0 1-1.5 1.5H13a1 1 0 1 0 0 2h4.5a3.5 3.5 0 0 0 3.5-3.5V11a9 9 0 0 0-9-9Z"/></svg>
                    <span class="site-header__title">{site}</span>
                  </a>
                  <a class="site-header__action kb-back" href="/">Back to chat</a>
                </div>
              </header>
              <main class="kb">
            {main}
              </main>
            </body>
            </html>
            """;
    }

    /// <summary>The attribution line, encoded, with its http(s) URLs (the licence) as links.</summary>
    private static string LinkUrls(string text)
    {
        var builder = new StringBuilder();
        var last = 0;
        foreach (Match match in Url().Matches(text))
        {
            builder.Append(Encoder.Encode(text[last..match.Index]));
            var value = match.Value;
            builder.Append(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? $"<a href=\"{Encoder.Encode(uri.AbsoluteUri)}\" rel=\"license noopener noreferrer\">{Encoder.Encode(value)}</a>"
                : Encoder.Encode(value));
            last = match.Index + match.Length;
        }

        builder.Append(Encoder.Encode(text[last..]));
        return builder.ToString();
    }

    [GeneratedRegex(@"https?://[^\s()<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();
}

using System.Net.Mime;
using Helpdesk.Bot.WebChat;
using Helpdesk.KnowledgeIndex.Search;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// <c>GET /kb/{id}</c>: a help article as a page (ids of docs articles contain '/', hence the catch-all). The id is
/// validated and looked up in the index — never on disk. An unknown or invalid id is 404: a page for browsers,
/// problem details for other clients.
/// </summary>
internal static class ArticlePageApi
{
    public const string Route = "/kb/{**id}";

    private static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapArticlePages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Route, PageMethods, Serve).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Serve(string? id, HttpContext context, IKnowledgeSearch search, ArticlePage page)
    {
        var nonce = WebChatSecurityHeaders.NewNonce();
        ArticlePageSecurityHeaders.Apply(context.Response, nonce);
        var article = ArticleIds.IsValid(id) ? search.GetArticle(id!) : null;
        if (article is null)
        {
            return WantsHtml(context.Request)
                ? Results.Content(page.RenderNotFound(nonce), MediaTypeNames.Text.Html + "; charset=utf-8", statusCode: StatusCodes.Status404NotFound)
                : Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    title: "Article not found",
                    detail: "There is no help article with this id.");
        }

        var body = ArticleHtmlRenderer.Render(article, other => search.GetArticle(other) is not null);
        return Results.Content(page.Render(article, body, nonce), MediaTypeNames.Text.Html + "; charset=utf-8");
    }

    private static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(MediaTypeNames.Text.Html, StringComparison.OrdinalIgnoreCase));
}

using System.Net.Mime;

namespace Helpdesk.Bot.WebChat;

/// <summary><c>GET /</c>: the Web Chat page, rendered per response with a fresh CSP nonce.</summary>
internal static class WebChatPageApi
{
    private static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapWebChatPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(WebChatRoutes.Page, PageMethods, ServePage).ExcludeFromDescription();
        endpoints.MapMethods(WebChatRoutes.PageFile, PageMethods, ServePage).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult ServePage(HttpContext context, WebChatPage page)
    {
        var nonce = WebChatSecurityHeaders.NewNonce();
        var html = page.Render(nonce);
        if (html is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Web Chat page not deployed",
                detail: $"wwwroot/{WebChatRoutes.TemplateFile} is missing from the web root.");
        }

        WebChatSecurityHeaders.ApplyToPage(context.Response, nonce);
        return TypedResults.Text(html, MediaTypeNames.Text.Html + "; charset=utf-8");
    }
}

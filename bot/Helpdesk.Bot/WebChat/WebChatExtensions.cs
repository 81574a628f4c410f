namespace Helpdesk.Bot.WebChat;

/// <summary>Registers and maps the Web Chat page (<c>/</c>) and its token endpoint.</summary>
internal static class WebChatExtensions
{
    public static WebApplicationBuilder AddWebChat(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapWebChatApi(this IEndpointRouteBuilder endpoints) => endpoints;
}

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>Registers and maps the Bot Framework channel endpoint (<c>POST /api/messages</c>).</summary>
internal static class BotFrameworkExtensions
{
    public static WebApplicationBuilder AddBotFrameworkChannel(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapBotFrameworkApi(this IEndpointRouteBuilder endpoints) => endpoints;
}

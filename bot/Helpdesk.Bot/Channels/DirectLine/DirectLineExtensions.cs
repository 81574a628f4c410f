namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>Registers and maps the self-hosted Direct Line 3.0 channel (<c>/v3/directline</c>).</summary>
internal static class DirectLineExtensions
{
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder endpoints) => endpoints;
}

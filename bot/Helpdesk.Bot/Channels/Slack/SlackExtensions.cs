using Helpdesk.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// Registers and maps the direct Slack channel (<c>/api/slack/events</c>, <c>/api/slack/interactive</c>). The
/// section is always validated (half a configuration stops the bot at start); the endpoints exist only when both
/// <c>Slack:SigningSecret</c> and <c>Slack:BotToken</c> are set.
/// </summary>
internal static class SlackExtensions
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SlackOptions>()
            .Bind(builder.Configuration.GetSection(SlackOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>();
        services.AddHttpClient(SlackProtocol.ApiHttpClient, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackBotIdentity>();
        services.AddSingleton<SlackUserDirectory>();
        services.AddSingleton<SlackThreadTracker>();
        services.AddSingleton<SlackEventDeduplicator>();
        services.AddSingleton<SlackTurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<SlackTurnQueue>());
        services.AddSingleton<SlackAdapter>();
        services.AddProactiveAdapter<SlackAdapter>(SlackAdapter.ProactiveName);
        services.AddSingleton<SlackEndpoint>();
        return builder;
    }

    public static IEndpointRouteBuilder MapSlackApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.IsEnabled)
        {
            return endpoints;
        }

        endpoints.MapPost(SlackProtocol.EventsRoute, (HttpContext context, SlackEndpoint endpoint) => endpoint.HandleEventsAsync(context))
            .WithName("SlackEvents")
            .DisableAntiforgery();
        endpoints.MapPost(SlackProtocol.InteractiveRoute, (HttpContext context, SlackEndpoint endpoint) => endpoint.HandleInteractiveAsync(context))
            .WithName("SlackInteractive")
            .DisableAntiforgery();
        return endpoints;
    }
}

using Helpdesk.Bot.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>Registers and maps the Bot Framework channel endpoint (<c>POST /api/messages</c>).</summary>
internal static class BotFrameworkExtensions
{
    public static WebApplicationBuilder AddBotFrameworkChannel(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BotFrameworkOptions>()
            .Bind(builder.Configuration.GetSection(BotFrameworkOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>();

        services.AddTransient<BotFrameworkRetryHandler>();
        services.AddHttpClient(BotFrameworkProtocol.OpenIdMetadataHttpClient, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(BotFrameworkProtocol.TokenHttpClient, ConfigureRetriedClient)
            .AddHttpMessageHandler<BotFrameworkRetryHandler>();
        services.AddHttpClient(BotFrameworkProtocol.ConnectorHttpClient, ConfigureRetriedClient)
            .AddHttpMessageHandler<BotFrameworkRetryHandler>();

        services.AddSingleton<BotFrameworkTokenProvider>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<BotFrameworkAdapter>();
        services.AddProactiveAdapter<BotFrameworkAdapter>(BotFrameworkAdapter.ProactiveName);
        services.AddSingleton<BotFrameworkEndpoint>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBotFrameworkApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(BotFrameworkProtocol.MessagesRoute, (HttpContext context, BotFrameworkEndpoint endpoint) => endpoint.HandleAsync(context))
            .WithName("BotFrameworkMessages")
            .DisableAntiforgery();
        return endpoints;
    }

    // Each attempt has its own time limit (BotFrameworkRetryHandler); the client's own limit only bounds the total.
    private static void ConfigureRetriedClient(HttpClient client) => client.Timeout = TimeSpan.FromMinutes(5);
}

using Helpdesk.Bot.Channels.DirectLine.Auth;
using Helpdesk.Bot.Channels.DirectLine.Storage;
using Helpdesk.Bot.Channels.DirectLine.Streaming;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.WebChat;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.DirectLine;

/// <summary>Registers and maps the self-hosted Direct Line 3.0 channel (<c>/v3/directline</c>).</summary>
internal static class DirectLineExtensions
{
    public static WebApplicationBuilder AddDirectLine(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DirectLineOptions>()
            .Bind(builder.Configuration.GetSection(DirectLineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();

        services.AddSingleton(DirectLineKeyRingFactory.Create);
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineAuthenticator>();
        services.AddSingleton<DirectLineUrls>();

        services.AddSingleton<IDirectLineConversationStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.UseMemory
            ? new MemoryDirectLineConversationStore(sp.GetRequiredService<TimeProvider>())
            : new SqliteDirectLineConversationStore(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DirectLineStreamHub>();
        services.AddSingleton<DirectLineStreamer>();
        services.AddSingleton<DirectLineDeliveryCache>();
        services.AddSingleton<DirectLineTranscript>();

        services.AddSingleton<DirectLineAdapter>();
        services.AddProactiveAdapter<DirectLineAdapter>(DirectLineAdapter.ProactiveName);
        services.AddSingleton<DirectLineTurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<DirectLineTurnQueue>());
        services.AddSingleton<DirectLineConversationService>();
        services.AddHostedService<DirectLineRetentionService>();

        services.AddSingleton<WebChatTokenRateLimiter>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDirectLineApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Load (or generate and persist) the keys now, at start, rather than on the first request.
        endpoints.ServiceProvider.GetRequiredService<DirectLineKeyRing>();
        endpoints.MapGroup(DirectLineRoutes.Base)
            .MapDirectLineCors()
            .MapDirectLineEndpoints();
        endpoints.MapWebChatTokenApi();
        return endpoints;
    }
}

using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>Registers the ticket connector chosen by <c>Handoff:Itsm:Connector</c>.</summary>
internal static class ItsmExtensions
{
    public static IServiceCollection AddItsm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ItsmOptions>()
            .Bind(configuration.GetSection(ItsmOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ItsmOptions>, ItsmOptionsValidator>();
        services.AddHttpClient(ServiceNowConnector.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(2));
        services.AddHttpClient(WebhookItsmConnector.HttpClientName, c => c.Timeout = TimeSpan.FromMinutes(2));
        services.AddSingleton<BuiltInItsmConnector>();
        services.AddSingleton<ServiceNowConnector>();
        services.AddSingleton<WebhookItsmConnector>();
        services.AddSingleton<IItsmConnector>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ItsmOptions>>().Value;
            return options.UsesServiceNow ? sp.GetRequiredService<ServiceNowConnector>()
                : options.UsesWebhook ? sp.GetRequiredService<WebhookItsmConnector>()
                : sp.GetRequiredService<BuiltInItsmConnector>();
        });
        return services;
    }
}

using Helpdesk.Bot.Channels.Teams.Proactive;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Teams;

/// <summary>
/// Teams on top of the Bot Framework channel: an optional tenant allow-list, Universal Actions invokes answered in the HTTP response, conversation
/// references kept for proactive messages (with dead-marking), and the messenger that sends them. Mention stripping
/// and per-channel rendering run inside the Bot Framework adapter for <c>channelId</c> msteams.
/// </summary>
internal static class TeamsExtensions
{
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TeamsOptions>()
            .Bind(builder.Configuration.GetSection(TeamsOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>();
        services.AddSingleton<IMiddleware, TeamsTenantFilterMiddleware>();
        // The one reference middleware of every channel (after the tenant filter: a foreign tenant's reference is never kept).
        services.AddSingleton<IMiddleware, ConversationReferenceMiddleware>();
        services.AddSingleton<IMiddleware, AdaptiveCardActionMiddleware>();
        services.AddSingleton<TeamsProactiveMessenger>();
        return builder;
    }
}

using Helpdesk.Bot.Channels.Teams.Proactive;

namespace Helpdesk.Bot.Channels.Teams;

/// <summary>
/// Teams on top of the Bot Framework channel: Universal Actions invokes answered in the HTTP response, conversation
/// references kept for proactive messages (with dead-marking), and the messenger that sends them. Mention stripping
/// and per-channel rendering run inside the Bot Framework adapter for <c>channelId</c> msteams.
/// </summary>
internal static class TeamsExtensions
{
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IConversationReferenceStore, StorageConversationReferenceStore>();
        services.AddSingleton<IMiddleware, ConversationReferenceMiddleware>();
        services.AddSingleton<IMiddleware, AdaptiveCardActionMiddleware>();
        services.AddSingleton<TeamsProactiveMessenger>();
        return builder;
    }
}

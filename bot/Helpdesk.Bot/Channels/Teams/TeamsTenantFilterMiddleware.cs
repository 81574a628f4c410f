using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Teams;

/// <summary>
/// When <see cref="TeamsOptions.AllowedTenantIds"/> is set, Teams activities from any other tenant (read from
/// <c>channelData.tenant.id</c> or <c>conversation.tenantId</c>) never reach the bot: logged, answered with nothing
/// (an invoke with HTTP 403). Other channels are not affected.
/// </summary>
internal sealed class TeamsTenantFilterMiddleware(IOptions<TeamsOptions> options, ILogger<TeamsTenantFilterMiddleware> logger) : IMiddleware
{
    private readonly HashSet<string> _allowed = new(options.Value.AllowedTenantIds.Select(id => id.Trim()), StringComparer.OrdinalIgnoreCase);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        var activity = turnContext.Activity;
        if (_allowed.Count == 0 || !string.Equals(activity.ChannelId, ChannelIds.Msteams, StringComparison.OrdinalIgnoreCase)
            || activity.IsType(ActivityTypes.Event))
        {
            // Proactive turns (the ContinueConversation event) start from references the bot stored itself.
            await next(cancellationToken);
            return;
        }

        var tenant = TeamsChannelData.From(activity).TenantId;
        if (tenant is not null && _allowed.Contains(tenant))
        {
            await next(cancellationToken);
            return;
        }

        logger.LogWarning("Teams activity from a tenant that is not allowed ({TenantId}); ignored", tenant ?? "(none)");
        if (activity.IsType(ActivityTypes.Invoke))
        {
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.InvokeResponse, Value = new InvokeResponse(403) }, cancellationToken);
        }
    }
}

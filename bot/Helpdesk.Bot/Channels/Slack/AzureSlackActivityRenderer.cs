using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// Slack through Azure Bot Service (channelId <c>slack</c> on <c>/api/messages</c>): the Azure Slack channel shows
/// no suggested actions, but turns hero-card buttons into Slack buttons. So suggested actions go out as a hero card
/// with the same buttons; everything else is left as it is. (The direct Slack adapter renders Block Kit itself.)
/// </summary>
internal static class AzureSlackActivityRenderer
{
    /// <summary><paramref name="activity"/> itself when nothing changes, else a changed copy.</summary>
    public static Activity Render(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Message) || activity.SuggestedActions?.Actions is not { Count: > 0 } actions)
        {
            return activity;
        }

        var rendered = activity.Clone();
        rendered.SuggestedActions = null;
        rendered.Attachments =
        [
            .. rendered.Attachments ?? [],
            new Attachment { ContentType = AttachmentContentTypes.HeroCard, Content = new { buttons = actions } },
        ];
        return rendered;
    }
}

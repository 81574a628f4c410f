using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>The HTTP answer to an activity sent with delivery mode <c>expectReplies</c>: every reply of the turn.</summary>
internal sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);

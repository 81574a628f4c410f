using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>A call the fake Bot Connector received.</summary>
internal sealed record BotFrameworkRecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string Body, TimeSpan At)
{
    public Activity Activity => ActivitySerializer.Deserialize(Body);
}

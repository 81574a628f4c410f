using System.Collections.Concurrent;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Turns;

/// <summary>
/// A minimal channel adapter for tests: runs an incoming activity through the pipeline and records what the bot
/// delivers, answering each delivered activity with an id "sent-N".
/// </summary>
internal sealed class RecordingAdapter : BotAdapter
{
    private int _nextId;

    public ConcurrentQueue<Activity> Sent { get; } = new();

    /// <summary>The calls to <see cref="SendActivitiesAsync"/>, one batch each.</summary>
    public ConcurrentQueue<IReadOnlyList<Activity>> Batches { get; } = new();

    /// <summary>Runs one turn and returns its context (for Responded, InvokeResponse, TurnState).</summary>
    public async Task<TurnContext> ProcessAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken);
        return context;
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        Batches.Enqueue([.. activities]);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            Sent.Enqueue(activities[i]);
            responses[i] = new ResourceResponse($"sent-{Interlocked.Increment(ref _nextId)}");
        }

        return Task.FromResult(responses);
    }

    public static Activity Message(string text, string conversationId = "conv-1", string userId = "user-1") => new()
    {
        Type = ActivityTypes.Message,
        Id = $"in-{Guid.NewGuid():N}",
        Text = text,
        ChannelId = ChannelIds.Test,
        ServiceUrl = "https://test.invalid/",
        Conversation = new ConversationAccount(conversationId),
        From = new ChannelAccount(userId, "User", RoleTypes.User),
        Recipient = new ChannelAccount("bot", "Bot", RoleTypes.Bot),
        Locale = "en-US",
    };
}

using System.Collections.Concurrent;
using System.Globalization;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Testing;

/// <summary>
/// An in-memory channel for tests. Activities sent to the bot are completed like a real channel would (channel
/// "test", the conversation, user as sender, bot as recipient, increasing ids, timestamps from the
/// <see cref="TimeProvider"/>) and run through the middleware; everything the bot sends is queued in order for
/// <see cref="GetNextReply"/>. Use it directly or through <see cref="TestFlow"/>.
/// </summary>
public sealed class TestAdapter : BotAdapter
{
    /// <summary>The service URL of test activities.</summary>
    public const string ServiceUrl = "https://test.localhost/";

    private readonly ConcurrentQueue<Activity> _replies = new();
    private int _nextId;

    public TestAdapter(ConversationReference? conversation = null, TimeProvider? timeProvider = null)
    {
        Conversation = conversation ?? CreateConversation();
        TimeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The conversation every incoming activity belongs to (unless it says otherwise).</summary>
    public ConversationReference Conversation { get; }

    /// <summary>Where activity timestamps come from (a FakeTimeProvider in tests that care).</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The number of replies not yet taken.</summary>
    public int PendingReplyCount => _replies.Count;

    /// <summary>A test conversation reference: channel "test", the given conversation, user and bot ids.</summary>
    public static ConversationReference CreateConversation(string conversationId = "conversation1", string userId = "user1", string botId = "bot") => new()
    {
        ChannelId = ChannelIds.Test,
        ServiceUrl = ServiceUrl,
        Conversation = new ConversationAccount(conversationId),
        User = new ChannelAccount(userId, "User", RoleTypes.User),
        Bot = new ChannelAccount(botId, "Bot", RoleTypes.Bot),
        Locale = "en-US",
    };

    /// <summary>A message from the user in this conversation (completed further when processed).</summary>
    public Activity MakeActivity(string? text = null) => Complete(Activity.CreateMessage(text));

    /// <summary>
    /// Fills in what <paramref name="activity"/> leaves unset (type message, channel, conversation, from, recipient,
    /// id, timestamps, locale) and runs a turn with it through the middleware and <paramref name="callback"/>.
    /// </summary>
    public Task ProcessActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(callback);
        var context = new TurnContext(this, Complete(activity));
        return RunPipelineAsync(context, callback, cancellationToken);
    }

    /// <summary>Sends a text message from the user to the bot.</summary>
    public Task SendTextToBotAsync(string text, BotCallbackHandler callback, CancellationToken cancellationToken = default) =>
        ProcessActivityAsync(Activity.CreateMessage(text), callback, cancellationToken);

    /// <summary>Queues what the bot sends, giving each activity an id and a timestamp.</summary>
    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new ResourceResponse[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            activity.Id ??= NextId();
            activity.Timestamp ??= TimeProvider.GetUtcNow();
            _replies.Enqueue(activity);
            responses[i] = new ResourceResponse(activity.Id);
        }

        return Task.FromResult(responses);
    }

    /// <summary>The oldest reply not yet taken, or null.</summary>
    public Activity? GetNextReply() => _replies.TryDequeue(out var activity) ? activity : null;

    /// <summary>Takes every pending reply, oldest first.</summary>
    public IReadOnlyList<Activity> TakeReplies()
    {
        var taken = new List<Activity>();
        while (_replies.TryDequeue(out var activity))
        {
            taken.Add(activity);
        }

        return taken;
    }

    private Activity Complete(Activity activity)
    {
        var now = TimeProvider.GetUtcNow();
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId ??= Conversation.ChannelId;
        activity.ServiceUrl ??= Conversation.ServiceUrl;
        activity.Conversation ??= Conversation.Conversation;
        activity.From ??= Conversation.User;
        activity.Recipient ??= Conversation.Bot;
        activity.Locale ??= Conversation.Locale;
        activity.Id ??= NextId();
        activity.Timestamp ??= now;
        activity.LocalTimestamp ??= now;
        return activity;
    }

    private string NextId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
}

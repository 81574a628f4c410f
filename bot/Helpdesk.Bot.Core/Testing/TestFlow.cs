using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Testing;

/// <summary>
/// A scripted conversation with a bot, run on a <see cref="TestAdapter"/>:
/// <code>
/// await new TestFlow(adapter, bot.OnTurnAsync)
///     .Send("hi").AssertReply("Hello!")
///     .Send("2").AssertReplyContains("password")
///     .AssertNoReply()
///     .StartTestAsync();
/// </code>
/// Each method returns a new flow with one more step (the flow itself is immutable); nothing runs until
/// <see cref="StartTestAsync"/>. Each send runs one whole turn, so the bot's replies to it are queued when the
/// next step runs; each reply assertion takes the next queued reply in order. A failed expectation throws
/// <see cref="TestFlowAssertionException"/> naming the step, the expectation, what the bot sent and the last user message.
/// </summary>
public sealed class TestFlow
{
    private readonly BotCallbackHandler _callback;
    private readonly ImmutableList<Step> _steps;

    public TestFlow(TestAdapter adapter, BotCallbackHandler callback)
    {
        Adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _callback = callback ?? throw new ArgumentNullException(nameof(callback));
        _steps = [];
    }

    public TestFlow(TestAdapter adapter, IBot bot)
        : this(adapter, (bot ?? throw new ArgumentNullException(nameof(bot))).OnTurnAsync)
    {
    }

    private TestFlow(TestFlow previous, Step step)
    {
        Adapter = previous.Adapter;
        _callback = previous._callback;
        _steps = previous._steps.Add(step);
    }

    /// <summary>The adapter the flow runs on.</summary>
    public TestAdapter Adapter { get; }

    /// <summary>The user sends a text message.</summary>
    public TestFlow Send(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Send(Activity.CreateMessage(text));
    }

    /// <summary>The user's side sends <paramref name="activity"/> (unset fields are filled in by the adapter).</summary>
    public TestFlow Send(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var description = activity.IsType(ActivityTypes.Message) || activity.Type is null
            ? $"Send({Quote(activity.Text)})"
            : $"Send({activity.Type} activity)";
        return Then(description, async (run, ct) =>
        {
            run.LastSent = activity;
            await Adapter.ProcessActivityAsync(activity, _callback, ct);
        });
    }

    /// <summary>
    /// The channel reports members joining (as Web Chat does when it connects): a conversationUpdate with
    /// <paramref name="membersAdded"/>, by default the bot and the user.
    /// </summary>
    public TestFlow SendConversationUpdate(params ChannelAccount[] membersAdded)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        IList<ChannelAccount> members = membersAdded.Length > 0 ? [.. membersAdded] : [Adapter.Conversation.Bot!, Adapter.Conversation.User!];
        return Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = members });
    }

    /// <summary>Sends <paramref name="userSays"/> and expects the reply <paramref name="expected"/>.</summary>
    public TestFlow Test(string userSays, string expected) => Send(userSays).AssertReply(expected);

    /// <summary>The next reply is a message whose text is exactly <paramref name="expected"/>.</summary>
    public TestFlow AssertReply(string expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return ExpectReply($"AssertReply({Quote(expected)})", $"a message with the text {Quote(expected)}", reply =>
            IsMessage(reply) && string.Equals(reply.Text, expected, StringComparison.Ordinal));
    }

    /// <summary>The next reply passes <paramref name="inspect"/> (which throws, for example with xUnit asserts, when it does not).</summary>
    public TestFlow AssertReply(Action<Activity> inspect, string description = "a reply accepted by the inspector")
    {
        ArgumentNullException.ThrowIfNull(inspect);
        return Then($"AssertReply({description})", (run, _) =>
        {
            var reply = TakeReply(run, description);
            try
            {
                inspect(reply);
            }
            catch (Exception ex) when (ex is not TestFlowAssertionException)
            {
                throw Fail(run, $"expected {description}, but the inspector rejected {Describe(reply)}:{Environment.NewLine}{ex.Message}", ex);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The next reply is a message whose text contains <paramref name="fragment"/> (case-sensitive).</summary>
    public TestFlow AssertReplyContains(string fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        return ExpectReply($"AssertReplyContains({Quote(fragment)})", $"a message containing {Quote(fragment)}", reply =>
            IsMessage(reply) && reply.Text?.Contains(fragment, StringComparison.Ordinal) == true);
    }

    /// <summary>The next reply is a message whose text is one of <paramref name="candidates"/>.</summary>
    public TestFlow AssertReplyOneOf(params string[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = string.Join(" or ", candidates.Select(Quote));
        return ExpectReply($"AssertReplyOneOf({list})", $"a message with the text {list}", reply =>
            IsMessage(reply) && candidates.Contains(reply.Text, StringComparer.Ordinal));
    }

    /// <summary>The next reply carries exactly these suggested-action button titles, in order (its text is not checked).</summary>
    public TestFlow AssertSuggestedActions(params string[] titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var expected = $"suggested actions [{string.Join(" | ", titles)}]";
        return ExpectReply($"AssertSuggestedActions({string.Join(", ", titles.Select(Quote))})", $"a message with {expected}", reply =>
            IsMessage(reply) && ButtonTitles(reply).SequenceEqual(titles, StringComparer.Ordinal));
    }

    /// <summary>The next reply has the text <paramref name="expectedText"/> and exactly these suggested-action titles.</summary>
    public TestFlow AssertReplyWithSuggestedActions(string expectedText, params string[] titles)
    {
        ArgumentNullException.ThrowIfNull(expectedText);
        ArgumentNullException.ThrowIfNull(titles);
        var expected = $"a message with the text {Quote(expectedText)} and suggested actions [{string.Join(" | ", titles)}]";
        return ExpectReply($"AssertReplyWithSuggestedActions({Quote(expectedText)}, …)", expected, reply =>
            IsMessage(reply)
            && string.Equals(reply.Text, expectedText, StringComparison.Ordinal)
            && ButtonTitles(reply).SequenceEqual(titles, StringComparer.Ordinal));
    }

    /// <summary>The next reply has an attachment of <paramref name="contentType"/>, optionally checked by <paramref name="inspect"/>.</summary>
    public TestFlow AssertAttachment(string contentType, Action<Attachment>? inspect = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        var description = $"a message with an attachment of type {Quote(contentType)}";
        return Then($"AssertAttachment({Quote(contentType)})", (run, _) =>
        {
            var reply = TakeReply(run, description);
            var attachment = reply.Attachments?.FirstOrDefault(a => string.Equals(a.ContentType, contentType, StringComparison.OrdinalIgnoreCase));
            if (attachment is null)
            {
                throw Fail(run, $"expected {description}, but got {Describe(reply)}.");
            }

            try
            {
                inspect?.Invoke(attachment);
            }
            catch (Exception ex) when (ex is not TestFlowAssertionException)
            {
                throw Fail(run, $"the {Quote(contentType)} attachment was rejected by the inspector:{Environment.NewLine}{ex.Message}", ex);
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>The bot has sent nothing that was not taken by an assertion yet.</summary>
    public TestFlow AssertNoReply() => Then("AssertNoReply()", (run, _) =>
    {
        var pending = Adapter.TakeReplies();
        if (pending.Count > 0)
        {
            var builder = new StringBuilder("expected no reply, but the bot sent:");
            for (var i = 0; i < pending.Count; i++)
            {
                builder.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {i + 1}) {Describe(pending[i])}");
            }

            throw Fail(run, builder.ToString());
        }

        return Task.CompletedTask;
    });

    /// <summary>Runs <paramref name="action"/> between steps (advance a fake clock, swap state, inspect storage…).</summary>
    public TestFlow Do(Func<Task> action, string description = "custom step")
    {
        ArgumentNullException.ThrowIfNull(action);
        return Then($"Do({description})", (_, _) => action());
    }

    /// <summary>Runs the steps in order; throws <see cref="TestFlowAssertionException"/> at the first unmet expectation.</summary>
    public async Task StartTestAsync(CancellationToken cancellationToken = default)
    {
        var run = new RunState(_steps.Count);
        foreach (var step in _steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            run.StepNumber++;
            run.StepDescription = step.Description;
            await step.Run(run, cancellationToken);
        }
    }

    private TestFlow Then(string description, Func<RunState, CancellationToken, Task> run) => new(this, new Step(description, run));

    private TestFlow ExpectReply(string stepDescription, string expectation, Func<Activity, bool> matches) =>
        Then(stepDescription, (run, _) =>
        {
            var reply = TakeReply(run, expectation);
            if (!matches(reply))
            {
                throw Fail(run, $"expected {expectation},{Environment.NewLine}but got {Describe(reply)}.");
            }

            return Task.CompletedTask;
        });

    private Activity TakeReply(RunState run, string expectation) =>
        Adapter.GetNextReply() ?? throw Fail(run, $"expected {expectation}, but the bot sent nothing more.");

    private static TestFlowAssertionException Fail(RunState run, string problem, Exception? inner = null)
    {
        var lastSent = run.LastSent is null
            ? "before anything was sent"
            : run.LastSent.IsType(ActivityTypes.Message)
                ? $"after the user sent {Quote(run.LastSent.Text)}"
                : $"after a {run.LastSent.Type} activity";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"TestFlow step {run.StepNumber} of {run.StepCount}, {run.StepDescription} ({lastSent}): {problem}");
        return inner is null ? new TestFlowAssertionException(message) : new TestFlowAssertionException(message, inner);
    }

    private static bool IsMessage(Activity activity) => activity.IsType(ActivityTypes.Message);

    private static IEnumerable<string?> ButtonTitles(Activity activity) =>
        activity.SuggestedActions?.Actions?.Select(a => a.Title) ?? [];

    private static string Describe(Activity activity)
    {
        if (!IsMessage(activity))
        {
            return $"a {activity.Type ?? "untyped"} activity";
        }

        var builder = new StringBuilder("a message with the text ").Append(Quote(activity.Text));
        if (activity.SuggestedActions?.Actions is { Count: > 0 } actions)
        {
            builder.Append(" and suggested actions [").AppendJoin(" | ", actions.Select(a => a.Title)).Append(']');
        }

        if (activity.Attachments is { Count: > 0 } attachments)
        {
            builder.Append(" and attachments [").AppendJoin(", ", attachments.Select(a => a.ContentType)).Append(']');
        }

        return builder.ToString();
    }

    private static string Quote(string? text) => text is null ? "(no text)" : $"\"{text}\"";

    private sealed record Step(string Description, Func<RunState, CancellationToken, Task> Run);

    private sealed class RunState(int stepCount)
    {
        public int StepCount { get; } = stepCount;

        public int StepNumber { get; set; }

        public string StepDescription { get; set; } = string.Empty;

        public Activity? LastSent { get; set; }
    }
}

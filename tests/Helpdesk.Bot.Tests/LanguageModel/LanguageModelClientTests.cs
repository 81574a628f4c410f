using Helpdesk.Bot.LanguageModel;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Moq;
using OpenAI.Chat;
using ChatMessageContent = Microsoft.SemanticKernel.ChatMessageContent;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>The one way the bot calls the model, over a Moq'd Semantic Kernel chat completion service.</summary>
public sealed class LanguageModelClientTests
{
    private static readonly ModelSchema Schema = new("test", """{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}""");

    [Fact]
    public async Task CompleteAsync_Reply_ReturnsTextAndRecordsLatencyTokensAndOutcome()
    {
        using var recorder = new TelemetryRecorder();
        var chat = Chat(out _, "  {\"a\":\"b\"}  ");
        var client = LanguageModelTestClient.Create(chat.Object, telemetry: recorder.Telemetry);

        var reply = await client.CompleteAsync(LanguageModelFeatures.Intent, "system", "user", Schema, CancellationToken.None);

        Assert.Equal(new ModelReply("{\"a\":\"b\"}", 120, 30), reply);
        Assert.Equal([LanguageModelOutcomes.Ok], recorder.CallOutcomes);
        var duration = Assert.Single(recorder.Of("gen_ai.client.operation.duration"));
        Assert.Equal((LanguageModelFeatures.Intent, LanguageModelTestClient.Model), (duration.Tags[LanguageModelTelemetry.FeatureTag], duration.Tags[LanguageModelTelemetry.ModelTag]));
        Assert.True(duration.Value >= 0);
        var tokens = recorder.Of("gen_ai.client.token.usage").ToDictionary(m => m.Tags[LanguageModelTelemetry.TokenTypeTag]!, m => m.Value);
        Assert.Equal(new Dictionary<string, double> { ["input"] = 120, ["output"] = 30 }, tokens);
    }

    [Fact]
    public async Task CompleteAsync_Always_SystemThenRedactedUserAndNoToolsOrKernel()
    {
        var chat = Chat(out var calls, "{}");
        var client = LanguageModelTestClient.Create(chat.Object);

        await client.CompleteAsync(LanguageModelFeatures.Intent, "the rules", "my password is Hunter2-Secret! and vpn fails", Schema, CancellationToken.None);

        var (history, settings, kernel) = Assert.Single(calls);
        Assert.Equal([AuthorRole.System, AuthorRole.User], history.Select(m => m.Role));
        Assert.Equal("the rules", history[0].Content);
        Assert.DoesNotContain("Hunter2-Secret!", history[1].Content, StringComparison.Ordinal);
        Assert.Contains("vpn fails", history[1].Content, StringComparison.Ordinal);
        Assert.Null(kernel);
        var openAi = Assert.IsType<OpenAIPromptExecutionSettings>(settings);
        Assert.Null(openAi.FunctionChoiceBehavior);
        Assert.Null(openAi.ToolCallBehavior);
        Assert.IsType<ChatResponseFormat>(openAi.ResponseFormat, exactMatch: false);
        Assert.Equal(500, openAi.MaxTokens);
        Assert.Equal(0, openAi.Temperature);
    }

    [Fact]
    public async Task CompleteAsync_NoReplyWithinTimeout_NullAndTimeoutRecorded()
    {
        using var recorder = new TelemetryRecorder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var chat = new Mock<IChatCompletionService>();
        chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .Returns(async (ChatHistory _, PromptExecutionSettings? _, Kernel? _, CancellationToken ct) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return (IReadOnlyList<ChatMessageContent>)[];
            });
        var client = LanguageModelTestClient.Create(chat.Object, time: time, telemetry: recorder.Telemetry);

        var call = client.CompleteAsync(LanguageModelFeatures.GroundedAnswer, "s", "u", null, CancellationToken.None);
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(8));

        Assert.Null(await call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([LanguageModelOutcomes.Timeout], recorder.CallOutcomes);
    }

    [Fact]
    public async Task CompleteAsync_CallerCancels_Throws()
    {
        var chat = new Mock<IChatCompletionService>();
        chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OperationCanceledException());
        var client = LanguageModelTestClient.Create(chat.Object);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, cancelled.Token));
    }

    [Theory]
    [InlineData(typeof(HttpOperationException))]
    [InlineData(typeof(HttpRequestException))]
    [InlineData(typeof(InvalidOperationException))]
    public async Task CompleteAsync_ServiceFails_NullAndFailedRecorded(Type exception)
    {
        using var recorder = new TelemetryRecorder();
        var chat = new Mock<IChatCompletionService>();
        chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync((Exception)Activator.CreateInstance(exception, "boom")!);
        var client = LanguageModelTestClient.Create(chat.Object, telemetry: recorder.Telemetry);

        Assert.Null(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));
        Assert.Equal([LanguageModelOutcomes.Failed], recorder.CallOutcomes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task CompleteAsync_EmptyReply_NullAndEmptyRecorded(string? content)
    {
        using var recorder = new TelemetryRecorder();
        var client = LanguageModelTestClient.Create(Chat(out _, content).Object, telemetry: recorder.Telemetry);

        Assert.Null(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));
        Assert.Equal([LanguageModelOutcomes.Empty], recorder.CallOutcomes);
    }

    [Fact]
    public async Task CompleteAsync_EndpointAskedToWait_SkipsTheCallUntilThen()
    {
        using var recorder = new TelemetryRecorder();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var throttle = new LanguageModelThrottle(time);
        var chat = Chat(out var calls, "{}");
        var client = LanguageModelTestClient.Create(chat.Object, time: time, telemetry: recorder.Telemetry, throttle: throttle);
        throttle.PauseFor(TimeSpan.FromSeconds(30));

        Assert.Null(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));
        Assert.Empty(calls);
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.NotNull(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));
        Assert.Single(calls);
        Assert.Equal([LanguageModelOutcomes.Throttled, LanguageModelOutcomes.Ok], recorder.CallOutcomes);
    }

    /// <summary>A chat completion service answering <paramref name="content"/> with usage 120/30, recording each call.</summary>
    internal static Mock<IChatCompletionService> Chat(out List<(ChatHistory History, PromptExecutionSettings? Settings, Kernel? Kernel)> calls, string? content)
    {
        var recorded = new List<(ChatHistory, PromptExecutionSettings?, Kernel?)>();
        calls = recorded;
        var chat = new Mock<IChatCompletionService>();
        chat.Setup(c => c.GetChatMessageContentsAsync(It.IsAny<ChatHistory>(), It.IsAny<PromptExecutionSettings?>(), It.IsAny<Kernel?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ChatHistory history, PromptExecutionSettings? settings, Kernel? kernel, CancellationToken _) =>
            {
                recorded.Add((new ChatHistory(history), settings, kernel));
                var usage = OpenAIChatModelFactory.ChatTokenUsage(outputTokenCount: 30, inputTokenCount: 120, totalTokenCount: 150);
                return [new ChatMessageContent(AuthorRole.Assistant, content, metadata: new Dictionary<string, object?> { ["Usage"] = usage })];
            });
        return chat;
    }
}

using System.Diagnostics;
using System.Text.Json;
using Azure.Core;
using Helpdesk.Bot.LanguageModel;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>
/// The wire path — Semantic Kernel's OpenAI connector, the OpenAI client, the bot's HTTP handler — against a local
/// OpenAI-shaped endpoint (real Kestrel on a random port, Azure OpenAI's v1 path): request shape, authentication
/// headers, timeout, malformed and empty responses, 429 with Retry-After.
/// </summary>
public sealed class LanguageModelWireTests : IAsyncLifetime
{
    private static readonly ModelSchema Schema = new("intent", """{"type":"object","properties":{"intent":{"type":"string"}},"required":["intent"],"additionalProperties":false}""");

    private FakeOpenAIEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await FakeOpenAIEndpoint.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task CompleteAsync_ApiKey_PostsChatCompletionWithBearerKeyAndStructuredOutput()
    {
        using var recorder = new TelemetryRecorder();
        _endpoint.Content = """{"intent":"other"}""";
        var client = LanguageModelTestClient.Wire(LanguageModelTestClient.Options(_endpoint.BaseUrl), telemetry: recorder.Telemetry);

        var reply = await client.CompleteAsync(LanguageModelFeatures.Intent, "the rules", "the message", Schema, CancellationToken.None);

        Assert.Equal(new ModelReply("""{"intent":"other"}""", FakeModelResponse.PromptTokens, FakeModelResponse.CompletionTokens), reply);
        var request = Assert.Single(_endpoint.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.PathAndQuery);
        Assert.Equal("Bearer " + LanguageModelTestClient.Key, request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
        Assert.Contains(LanguageModelChat.UserAgent, request.Header("User-Agent"), StringComparison.Ordinal);
        var body = request.Body;
        Assert.Equal(LanguageModelTestClient.Model, body.GetProperty("model").GetString());
        Assert.Equal(["system", "user"], body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        Assert.Equal("the rules", request.Message("system"));
        Assert.Equal("the message", request.Message("user"));
        Assert.Equal(0, body.GetProperty("temperature").GetDouble());
        Assert.True(body.TryGetProperty("max_completion_tokens", out var max) || body.TryGetProperty("max_tokens", out max));
        Assert.Equal(500, max.GetInt32());
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("intent", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.True(format.GetProperty("json_schema").GetProperty("strict").GetBoolean());
        Assert.False(body.TryGetProperty("tools", out _), "No tools are ever offered to the model.");
        Assert.False(body.TryGetProperty("functions", out _));
        Assert.False(body.TryGetProperty("stream", out var stream) && stream.GetBoolean());
        Assert.Equal([LanguageModelOutcomes.Ok], recorder.CallOutcomes);
        Assert.Equal(2, recorder.Of("gen_ai.client.token.usage").Count);
    }

    [Fact]
    public async Task CompleteAsync_ApiKeyHeaderApiKey_SendsAzuresApiKeyHeaderOnly()
    {
        var client = LanguageModelTestClient.Wire(LanguageModelTestClient.Options(_endpoint.BaseUrl, o => o.ApiKeyHeader = LanguageModelOptions.AzureApiKeyHeader));

        Assert.NotNull(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));

        var request = Assert.Single(_endpoint.Requests);
        Assert.Equal(LanguageModelTestClient.Key, request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task CompleteAsync_EntraId_BearerTokenForTheCognitiveServicesScope()
    {
        var credential = new RecordingCredential();
        var options = LanguageModelTestClient.Options(_endpoint.BaseUrl, o => (o.ApiKey, o.UseEntraId) = (null, true));
        var client = LanguageModelTestClient.Wire(options, credential);

        Assert.NotNull(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));
        Assert.NotNull(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));

        Assert.All(_endpoint.Requests, r => Assert.Equal("Bearer " + RecordingCredential.Token, r.Header("Authorization")));
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes.Distinct());
        Assert.Equal(1, credential.Calls);
    }

    [Fact]
    public async Task CompleteAsync_EndpointTooSlow_NullWithinTheTimeout()
    {
        using var recorder = new TelemetryRecorder();
        _endpoint.Respond = _ => FakeModelResponse.Reply("{}", delay: TimeSpan.FromSeconds(20));
        var client = LanguageModelTestClient.Wire(LanguageModelTestClient.Options(_endpoint.BaseUrl, o => (o.Timeout, o.MaxRetryWait) = (TimeSpan.FromSeconds(1), TimeSpan.Zero)), telemetry: recorder.Telemetry);
        var watch = Stopwatch.StartNew();

        Assert.Null(await client.CompleteAsync(LanguageModelFeatures.GroundedAnswer, "s", "u", null, CancellationToken.None));

        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
        Assert.Equal([LanguageModelOutcomes.Timeout], recorder.CallOutcomes);
    }

    [Theory]
    [InlineData(200, "{not json")]
    [InlineData(200, "")]
    [InlineData(200, """{"id":"x","object":"chat.completion","choices":"nope"}""")]
    [InlineData(500, """{"error":{"message":"internal","type":"server_error"}}""")]
    [InlineData(401, """{"error":{"code":"401","message":"Access denied due to invalid subscription key."}}""")]
    [InlineData(400, """{"error":{"code":"content_filter","message":"The response was filtered"}}""")]
    public async Task CompleteAsync_ErrorOrMalformedResponse_NullAndFailed(int status, string body)
    {
        using var recorder = new TelemetryRecorder();
        _endpoint.Respond = _ => FakeModelResponse.Raw(status, body);
        var client = LanguageModelTestClient.Wire(LanguageModelTestClient.Options(_endpoint.BaseUrl), telemetry: recorder.Telemetry);

        Assert.Null(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));

        Assert.Equal([LanguageModelOutcomes.Failed], recorder.CallOutcomes);
        Assert.Single(_endpoint.Requests);
    }

    [Theory]
    [InlineData("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"stop"}]}""")]
    [InlineData("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null},"finish_reason":"content_filter"}]}""")]
    [InlineData("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[]}""")]
    public async Task CompleteAsync_EmptyReply_NullAndEmpty(string body)
    {
        using var recorder = new TelemetryRecorder();
        _endpoint.Respond = _ => FakeModelResponse.Raw(200, body);
        var client = LanguageModelTestClient.Wire(LanguageModelTestClient.Options(_endpoint.BaseUrl), telemetry: recorder.Telemetry);

        Assert.Null(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));

        Assert.Single(recorder.CallOutcomes);
        Assert.Contains(recorder.CallOutcomes[0], new[] { LanguageModelOutcomes.Empty, LanguageModelOutcomes.Failed });
    }

    [Theory]
    [InlineData("Retry-After", "1")]
    [InlineData("retry-after-ms", "300")]
    public async Task CompleteAsync_429WithShortRetryAfter_WaitsOnceThenAnswers(string header, string value)
    {
        var calls = 0;
        _endpoint.Respond = _ => Interlocked.Increment(ref calls) == 1
            ? FakeModelResponse.Raw(429, """{"error":{"code":"429","message":"Rate limit"}}""", (header, value))
            : FakeModelResponse.Reply("""{"intent":"other"}""");
        var client = LanguageModelTestClient.Wire(LanguageModelTestClient.Options(_endpoint.BaseUrl, o => (o.Timeout, o.MaxRetryWait) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2))));
        var watch = Stopwatch.StartNew();

        var reply = await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None);

        Assert.Equal("""{"intent":"other"}""", reply?.Text);
        Assert.Equal(2, _endpoint.Requests.Count);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), "The Retry-After was waited out: " + watch.Elapsed);
    }

    [Fact]
    public async Task CompleteAsync_429WithLongRetryAfter_NullAndNoCallsUntilThen()
    {
        using var recorder = new TelemetryRecorder();
        _endpoint.Respond = _ => FakeModelResponse.Raw(429, """{"error":{"code":"429","message":"Rate limit"}}""", ("Retry-After", "120"));
        var throttle = new LanguageModelThrottle(TimeProvider.System);
        var client = LanguageModelTestClient.Wire(LanguageModelTestClient.Options(_endpoint.BaseUrl), telemetry: recorder.Telemetry, throttle: throttle);

        Assert.Null(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));
        Assert.Null(await client.CompleteAsync(LanguageModelFeatures.Intent, "s", "u", null, CancellationToken.None));

        Assert.Single(_endpoint.Requests);
        Assert.InRange(throttle.RetryAt!.Value - TimeProvider.System.GetUtcNow(), TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(121));
        Assert.Equal([LanguageModelOutcomes.Throttled, LanguageModelOutcomes.Throttled], recorder.CallOutcomes);
    }

    [Fact]
    public async Task Features_OverTheWire_ParseTheEndpointsReplies()
    {
        _endpoint.Content = """{"intent":"troubleshoot","flow":"vpn"}""";
        var telemetry = new LanguageModelTelemetry();
        var client = LanguageModelTestClient.Wire(LanguageModelTestClient.Options(_endpoint.BaseUrl), telemetry: telemetry);
        var classifier = new ModelIntentClassifier(client, telemetry, Microsoft.Extensions.Logging.Abstractions.NullLogger<ModelIntentClassifier>.Instance);

        var intent = await classifier.ClassifyAsync(new Skills.LanguageModel.IntentQuestion("vpn is weird", [new("vpn", "VPN")]), CancellationToken.None);

        Assert.Equal(new Skills.LanguageModel.ClassifiedIntent(Skills.LanguageModel.BotIntent.Troubleshoot, "vpn"), intent);
        var schema = Assert.Single(_endpoint.Requests).Body.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema");
        Assert.Equal(JsonValueKind.Object, schema.GetProperty("properties").GetProperty("intent").ValueKind);
    }

    /// <summary>An Entra ID credential stand-in: hands out one token (valid for an hour) and records the scopes asked for.</summary>
    private sealed class RecordingCredential : TokenCredential
    {
        public const string Token = "eyFakeEntraToken";

        public List<string> Scopes { get; } = [];

        public int Calls { get; private set; }

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Calls++;
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken(Token, TimeProvider.System.GetUtcNow().AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}

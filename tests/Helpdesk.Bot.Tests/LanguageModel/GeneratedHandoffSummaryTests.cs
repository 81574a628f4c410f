using System.Text.Json;
using Helpdesk.Bot.Handoff;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Bot.LanguageModel;
using Helpdesk.Bot.Tests.Handoff;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>The generated handoff summary through the real host, bot and agent console, with a local OpenAI-shaped endpoint as the model.</summary>
public sealed class GeneratedHandoffSummaryTests : IAsyncLifetime
{
    private const string Summary = """{"issue":"VPN disconnects every five minutes since this morning.","tried":"Nothing yet; asked for a person straight away.","wants":"A stable VPN connection.","notes":[]}""";

    private FakeOpenAIEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await FakeOpenAIEndpoint.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task Escalation_ModelConfigured_ConsoleShowsTheGeneratedSummaryBesideTheExtractiveOne()
    {
        _endpoint.Respond = r => FakeModelResponse.Reply(r.Message("system") == LanguageModelPrompts.HandoffSummarySystem ? Summary : """{"intent":"other","flow":null}""");
        await using var host = NewHost();
        var agent = await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();

        await chat.SayAsync("talk to a human");
        await chat.SayAsync("My VPN keeps disconnecting every five minutes since this morning, my password is Hunter2-Secret!");

        var caseId = await agent.SingleCaseIdAsync();
        var context = (await agent.GetAsync($"/cases/{caseId}")).GetProperty("context");
        Assert.Contains("VPN keeps disconnecting", context.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var generated = context.GetProperty("generatedSummary");
        Assert.True(generated.GetProperty("generated").GetBoolean());
        Assert.Equal(LanguageModelTestClient.Model, generated.GetProperty("model").GetString());
        Assert.Equal(
            ["Issue: VPN disconnects every five minutes since this morning.", "Tried: Nothing yet; asked for a person straight away.", "Wants: A stable VPN connection."],
            generated.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        var handoff = Assert.Single(await host.Services.GetRequiredService<IHandoffStore>().ListOpenAsync(CancellationToken.None));
        var ticketText = HandoffContextText.Render(JsonSerializer.Deserialize<HandoffContext>(handoff.ContextJson, HandoffJson.Options)!, "HD-000001");
        Assert.Contains("Generated summary (written by the language model gpt-4o-mini; check it against the transcript):\n  Issue: VPN disconnects", ticketText, StringComparison.Ordinal);
        var request = Assert.Single(_endpoint.Requests, r => r.Message("system") == LanguageModelPrompts.HandoffSummarySystem);
        Assert.Contains("VPN keeps disconnecting", request.Message("user"), StringComparison.Ordinal);
        Assert.All(_endpoint.Requests, r => Assert.DoesNotContain("Hunter2-Secret!", r.Body.GetRawText(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Escalation_ModelFails_CaseQueuedWithTheExtractiveSummaryOnly()
    {
        _endpoint.Respond = _ => FakeModelResponse.Raw(500, """{"error":{"message":"down"}}""");
        await using var host = NewHost();
        var agent = await host.SignInAgentAsync();
        var chat = await host.StartChatAsync();

        await chat.SayAsync("talk to a human");
        var queued = UserChat.Texts(await chat.SayAsync("My VPN keeps disconnecting every five minutes since this morning"));

        Assert.Contains("number 1", queued, StringComparison.Ordinal);
        var context = (await agent.GetAsync($"/cases/{await agent.SingleCaseIdAsync()}")).GetProperty("context");
        Assert.Contains("VPN keeps disconnecting", context.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(!context.TryGetProperty("generatedSummary", out var generated) || generated.ValueKind == JsonValueKind.Null);
    }

    private HandoffTestHost NewHost() => new(settings: new Dictionary<string, string?>
    {
        ["LanguageModel:Endpoint"] = _endpoint.BaseUrl,
        ["LanguageModel:Model"] = LanguageModelTestClient.Model,
        ["LanguageModel:ApiKey"] = LanguageModelTestClient.Key,
    });
}

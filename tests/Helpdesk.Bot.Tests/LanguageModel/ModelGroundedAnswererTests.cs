using Helpdesk.Bot.LanguageModel;
using Helpdesk.Skills.LanguageModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>Grounded answers over a Moq'd chat completion: only answers citing the retrieved passages count.</summary>
public sealed class ModelGroundedAnswererTests
{
    private static readonly GroundingPassage Vpn = new("vpn-drops", "VPN keeps disconnecting", "Turn off Wi-Fi power saving. Update the VPN client to the latest version.");
    private static readonly GroundingPassage Outlook = new("outlook-crashes", "Outlook crashes", "Start Outlook in safe mode with outlook.exe /safe.");

    private static readonly GroundedQuestion Question = new("my vpn keeps dropping", [Vpn, Outlook]);

    [Fact]
    public async Task AnswerAsync_CitesRetrievedPassage_Accepted()
    {
        using var recorder = new TelemetryRecorder();
        var answerer = Answerer("""{"answer":"1. Turn off Wi-Fi power saving.\n2. Update the VPN client.","citations":["vpn-drops"],"covered":true}""", out _, recorder);

        var answer = await answerer.AnswerAsync(Question, CancellationToken.None);

        Assert.Equal(("1. Turn off Wi-Fi power saving.\n2. Update the VPN client.", true), (answer!.Text, answer.Covered));
        Assert.Equal(["vpn-drops"], answer.CitedArticleIds);
        Assert.Contains(recorder.Of("helpdesk.language_model.results"), m => m.Tags[LanguageModelTelemetry.OutcomeTag] == LanguageModelOutcomes.Accepted);
    }

    [Fact]
    public async Task AnswerAsync_Prompt_QuestionAndOnlyTheTopPassagesAsTaggedData()
    {
        var answerer = Answerer("{}", out var calls, options: o => o.MaxPassages = 1);

        await answerer.AnswerAsync(Question, CancellationToken.None);

        var (history, _, _) = Assert.Single(calls);
        Assert.Equal(LanguageModelPrompts.GroundedAnswerSystem, history[0].Content);
        var user = history[1].Content!;
        Assert.Contains("<question>\nmy vpn keeps dropping\n</question>", user, StringComparison.Ordinal);
        Assert.Contains("<passage id=\"vpn-drops\" title=\"VPN keeps disconnecting\">", user, StringComparison.Ordinal);
        Assert.DoesNotContain("outlook", user, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnswerAsync_NotCovered_PassedOn()
    {
        var answerer = Answerer("""{"answer":"","citations":[],"covered":false}""", out _);

        Assert.Equal(GroundedAnswer.NotCovered, await answerer.AnswerAsync(Question, CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"answer":"Reinstall Windows.","citations":["made-up-article"],"covered":true}""")]
    [InlineData("""{"answer":"Reinstall Windows.","citations":["vpn-drops","made-up-article"],"covered":true}""")]
    [InlineData("""{"answer":"Update the VPN client.","citations":[],"covered":true}""")]
    [InlineData("""{"answer":"Update the VPN client.","covered":true}""")]
    [InlineData("""{"answer":"","citations":["vpn-drops"],"covered":true}""")]
    [InlineData("""{"answer":"Update the VPN client.","citations":["vpn-drops"]}""")]
    [InlineData("""{"answer":"Update the VPN client.","citations":["vpn-drops"],"covered":true,"action":"reset"}""")]
    [InlineData("""{"answer":"Update the VPN client.","citations":"vpn-drops","covered":true}""")]
    [InlineData("""Update the VPN client. [vpn-drops]""")]
    [InlineData("""{"answer":"Update""")]
    [InlineData("""[{"answer":"Update the VPN client.","citations":["vpn-drops"],"covered":true}]""")]
    public async Task AnswerAsync_MalformedOrUngroundedReply_Null(string reply)
    {
        using var recorder = new TelemetryRecorder();
        var answerer = Answerer(reply, out _, recorder);

        Assert.Null(await answerer.AnswerAsync(Question, CancellationToken.None));
        Assert.Contains(recorder.Of("helpdesk.language_model.results"), m => m.Tags[LanguageModelTelemetry.OutcomeTag] == LanguageModelOutcomes.Rejected);
    }

    [Fact]
    public async Task AnswerAsync_FencedJson_Accepted()
    {
        var answerer = Answerer("```json\n{\"answer\":\"Update the VPN client.\",\"citations\":[\"vpn-drops\"],\"covered\":true}\n```", out _);

        Assert.Equal(["vpn-drops"], (await answerer.AnswerAsync(Question, CancellationToken.None))!.CitedArticleIds);
    }

    [Fact]
    public async Task AnswerAsync_NoPassages_NoCall()
    {
        var answerer = Answerer("{}", out var calls);

        Assert.Null(await answerer.AnswerAsync(new GroundedQuestion("anything", []), CancellationToken.None));
        Assert.Empty(calls);
    }

    internal static ModelGroundedAnswerer Answerer(
        string reply,
        out List<(Microsoft.SemanticKernel.ChatCompletion.ChatHistory History, Microsoft.SemanticKernel.PromptExecutionSettings? Settings, Microsoft.SemanticKernel.Kernel? Kernel)> calls,
        TelemetryRecorder? recorder = null,
        Action<LanguageModelOptions>? options = null)
    {
        var telemetry = recorder?.Telemetry ?? new LanguageModelTelemetry();
        var client = LanguageModelTestClient.Create(LanguageModelClientTests.Chat(out calls, reply).Object, LanguageModelTestClient.Options(configure: options), telemetry: telemetry);
        return new ModelGroundedAnswerer(client, telemetry, NullLogger<ModelGroundedAnswerer>.Instance);
    }
}

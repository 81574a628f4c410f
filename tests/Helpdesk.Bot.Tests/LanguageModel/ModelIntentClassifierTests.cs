using System.Text.Json;
using Helpdesk.Bot.LanguageModel;
using Helpdesk.Skills.LanguageModel;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>Intent fallback over a Moq'd chat completion: structured output into the closed set, validated again.</summary>
public sealed class ModelIntentClassifierTests
{
    private static readonly IntentQuestion Question = new("the thing for connecting from home is being weird", [new("vpn", "VPN won't connect"), new("printer", "Printer problems")]);

    [Theory]
    [InlineData("""{"intent":"troubleshoot","flow":"vpn"}""", BotIntent.Troubleshoot, "vpn")]
    [InlineData("""{"intent":"password_reset","flow":null}""", BotIntent.PasswordReset, null)]
    [InlineData("""{"intent":"account_unlock","flow":null}""", BotIntent.AccountUnlock, null)]
    [InlineData("""{"intent":"knowledge_question","flow":null}""", BotIntent.KnowledgeQuestion, null)]
    [InlineData("""{"intent":"talk_to_person","flow":null}""", BotIntent.TalkToPerson, null)]
    [InlineData("""{"intent":"other","flow":null}""", BotIntent.Other, null)]
    public async Task ClassifyAsync_IntentInTheClosedSet_Returned(string reply, BotIntent intent, string? flow)
    {
        Assert.Equal(new ClassifiedIntent(intent, flow), await Classifier(reply, out _).ClassifyAsync(Question, CancellationToken.None));
    }

    [Theory]
    [InlineData("""{"intent":"troubleshoot","flow":"wifi"}""")]
    [InlineData("""{"intent":"troubleshoot","flow":null}""")]
    [InlineData("""{"intent":"password_reset","flow":"vpn"}""")]
    [InlineData("""{"intent":"reset_password_now","flow":null}""")]
    [InlineData("""{"intent":"PASSWORD_RESET","flow":null}""")]
    [InlineData("""{"intent":"password_reset"}""")]
    [InlineData("""{"intent":"password_reset","flow":null,"user":"admin","action":"reset"}""")]
    [InlineData("""{"tool_call":"reset_password","args":{"user":"ceo"}}""")]
    [InlineData("""password_reset""")]
    [InlineData("""not json""")]
    public async Task ClassifyAsync_OutsideTheClosedSet_Null(string reply)
    {
        Assert.Null(await Classifier(reply, out _).ClassifyAsync(Question, CancellationToken.None));
    }

    [Fact]
    public async Task ClassifyAsync_Request_StrictSchemaOfIntentsAndOfferedFlows()
    {
        await Classifier("""{"intent":"other","flow":null}""", out var calls).ClassifyAsync(Question, CancellationToken.None);

        var (history, settings, _) = Assert.Single(calls);
        Assert.Equal(LanguageModelPrompts.IntentSystem, history[0].Content);
        Assert.Contains("<message>\nthe thing for connecting from home is being weird\n</message>", history[1].Content, StringComparison.Ordinal);
        Assert.Contains("- vpn: VPN won't connect", history[1].Content, StringComparison.Ordinal);
        var format = Assert.IsType<ChatResponseFormat>(Assert.IsType<OpenAIPromptExecutionSettings>(settings).ResponseFormat, exactMatch: false);
        var json = JsonDocument.Parse(System.ClientModel.Primitives.ModelReaderWriter.Write(format)).RootElement;
        Assert.Equal("json_schema", json.GetProperty("type").GetString());
        var schema = json.GetProperty("json_schema");
        Assert.True(schema.GetProperty("strict").GetBoolean());
        var properties = schema.GetProperty("schema").GetProperty("properties");
        Assert.Equal(
            ["account_unlock", "knowledge_question", "other", "password_reset", "talk_to_person", "troubleshoot"],
            properties.GetProperty("intent").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["vpn", "printer"], properties.GetProperty("flow").GetProperty("anyOf")[0].GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }

    internal static ModelIntentClassifier Classifier(
        string reply,
        out List<(Microsoft.SemanticKernel.ChatCompletion.ChatHistory History, Microsoft.SemanticKernel.PromptExecutionSettings? Settings, Microsoft.SemanticKernel.Kernel? Kernel)> calls)
    {
        var telemetry = new LanguageModelTelemetry();
        var client = LanguageModelTestClient.Create(LanguageModelClientTests.Chat(out calls, reply).Object, telemetry: telemetry);
        return new ModelIntentClassifier(client, telemetry, NullLogger<ModelIntentClassifier>.Instance);
    }
}

using System.Text.Json;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>How the fake endpoint answers one request.</summary>
public sealed record FakeModelResponse(int Status, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay = default)
{
    public const int PromptTokens = 321;
    public const int CompletionTokens = 45;

    /// <summary>A chat completion whose one choice says <paramref name="content"/>, with usage.</summary>
    public static FakeModelResponse Reply(string? content, TimeSpan delay = default) => new(
        200,
        JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1764579600,
            model = "gpt-4o-mini",
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = "stop" } },
            usage = new { prompt_tokens = PromptTokens, completion_tokens = CompletionTokens, total_tokens = PromptTokens + CompletionTokens },
        }),
        new Dictionary<string, string>(),
        delay);

    public static FakeModelResponse Raw(int status, string body, params (string Name, string Value)[] headers) =>
        new(status, body, headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase));
}

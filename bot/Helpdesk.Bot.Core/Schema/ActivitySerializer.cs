using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>The one place that knows the Bot Framework wire format: camelCase, nulls omitted.</summary>
public static class ActivitySerializer
{
    /// <summary>Options every component uses to read and write activities and related payloads.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// Reads an activity from UTF-8 JSON. Throws <see cref="JsonException"/> for anything that is not one JSON object
    /// of the activity shape, including invalid UTF-8 anywhere in the body (the reader only checks the strings it
    /// decodes, and unknown fields are kept undecoded, so invalid bytes would otherwise reach the outgoing JSON).
    /// </summary>
    public static Activity Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        if (!Utf8.IsValid(utf8Json))
        {
            throw new JsonException("The body is not valid UTF-8.");
        }

        return JsonSerializer.Deserialize<Activity>(utf8Json, Options) ?? throw new JsonException("The body is JSON null, not an activity.");
    }

    public static Activity Deserialize(string json) =>
        JsonSerializer.Deserialize<Activity>(json, Options) ?? throw new JsonException("The body is JSON null, not an activity.");

    public static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, Options);

    public static byte[] SerializeToUtf8Bytes(Activity activity) => JsonSerializer.SerializeToUtf8Bytes(activity, Options);

    /// <summary>Reads a loosely typed payload (<see cref="Activity.Value"/>, channel data…) as <typeparamref name="T"/>.</summary>
    public static T? ConvertPayload<T>(object? payload) => payload switch
    {
        null => default,
        T typed => typed,
        JsonElement element => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? default : element.Deserialize<T>(Options),
        _ => JsonSerializer.SerializeToElement(payload, Options).Deserialize<T>(Options),
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = CreateBaseOptions();
        options.Converters.Add(new ImmutableJsonValueConverterFactory(CreateBaseOptions(makeReadOnly: true)));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions CreateBaseOptions(bool makeReadOnly = false)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true, // as the SDK's JSON.NET reader
            MaxDepth = 64,

            // Wire JSON, never inlined into HTML: write "<at>", "é" and emoji as themselves, as the Bot Framework SDK
            // does, instead of \u escapes (smaller payloads, byte-faithful echoes). Pages that embed JSON encode it themselves.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        if (makeReadOnly)
        {
            options.MakeReadOnly(populateMissingResolver: true);
        }

        return options;
    }
}

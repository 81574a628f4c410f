using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Redaction;

/// <summary>
/// Makes the copy of an activity that may be stored or logged: every string in it (text, speak, value, attachments,
/// suggested actions, channel data…) scrubbed by the <see cref="ISecretRedactor"/>, and an incoming message that
/// answers a request for a secret reduced to <see cref="RedactionMarker.Text"/>. The activity itself is not changed.
/// </summary>
public sealed class ActivityRedactor(ISecretRedactor redactor)
{
    /// <summary>The storable copy of <paramref name="activity"/> for the turn <paramref name="turnContext"/>.</summary>
    /// <param name="inbound">True for the turn's incoming activity (the one a secret reply would be).</param>
    public Activity Redact(ITurnContext turnContext, Activity activity, bool inbound)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Redact(activity, TurnSecrets.Find(turnContext), inbound);
    }

    /// <summary>The storable copy of <paramref name="activity"/> given the turn's <paramref name="secrets"/>.</summary>
    public Activity Redact(Activity activity, TurnSecrets? secrets, bool inbound) =>
        RedactToNode(activity, secrets, inbound).Deserialize<Activity>(ActivitySerializer.Options)!;

    /// <summary>
    /// The storable copy of <paramref name="activity"/> as activity JSON (what <see cref="ActivitySerializer"/> would
    /// write for <see cref="Redact(ITurnContext, Activity, bool)"/>), without making the copy an object first.
    /// </summary>
    /// <remarks>
    /// Streams the activity's JSON through a reader and a writer (no document tree): every string value scrubbed; for
    /// a secret reply, the top-level text replaced by the marker and value, attachments and speak left out.
    /// </remarks>
    public string RedactToJson(ITurnContext turnContext, Activity activity, bool inbound)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activity);
        var secrets = TurnSecrets.Find(turnContext);
        var secretReply = inbound && secrets?.InboundIsSecret == true && activity.IsType(ActivityTypes.Message);
        var source = ActivitySerializer.SerializeToUtf8Bytes(activity);
        var output = new ArrayBufferWriter<byte>(source.Length + 32);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ActivitySerializer.Options.Encoder }))
        {
            var reader = new Utf8JsonReader(source);
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName when secretReply && reader.CurrentDepth == 1
                        && (reader.ValueTextEquals("text") || reader.ValueTextEquals("value") || reader.ValueTextEquals("attachments") || reader.ValueTextEquals("speak")):
                        reader.Skip(); // the property and its value; the marker text is written at the end
                        break;
                    case JsonTokenType.PropertyName when reader.ValueIsEscaped:
                        writer.WritePropertyName(reader.GetString()!);
                        break;
                    case JsonTokenType.PropertyName:
                        writer.WritePropertyName(reader.ValueSpan);
                        break;
                    case JsonTokenType.String:
                        var text = reader.GetString()!;
                        var redacted = redactor.Redact(text, secrets);
                        if (ReferenceEquals(redacted, text))
                        {
                            // Unchanged: the token as the serializer wrote it (quotes included), not escaped again.
                            writer.WriteRawValue(source.AsSpan(checked((int)reader.TokenStartIndex), reader.ValueSpan.Length + 2), skipInputValidation: true);
                        }
                        else
                        {
                            writer.WriteStringValue(redacted);
                        }

                        break;
                    case JsonTokenType.StartObject:
                        writer.WriteStartObject();
                        break;
                    case JsonTokenType.EndObject:
                        if (secretReply && reader.CurrentDepth == 0)
                        {
                            writer.WriteString("text", RedactionMarker.Text);
                        }

                        writer.WriteEndObject();
                        break;
                    case JsonTokenType.StartArray:
                        writer.WriteStartArray();
                        break;
                    case JsonTokenType.EndArray:
                        writer.WriteEndArray();
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        writer.WriteBooleanValue(reader.GetBoolean());
                        break;
                    case JsonTokenType.Null:
                        writer.WriteNullValue();
                        break;
                    default:
                        writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); // numbers, as written
                        break;
                }
            }
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private JsonObject RedactToNode(Activity activity, TurnSecrets? secrets, bool inbound)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var node = JsonSerializer.SerializeToNode(activity, ActivitySerializer.Options) as JsonObject
            ?? throw new InvalidOperationException("An activity serializes to a JSON object.");
        if (inbound && secrets?.InboundIsSecret == true && activity.IsType(ActivityTypes.Message))
        {
            node["text"] = RedactionMarker.Text;
            node.Remove("value");
            node.Remove("attachments");
            node.Remove("speak");
        }

        Scrub(node, secrets);
        return node;
    }

    /// <summary>Scrubs a free-standing text (a log message, a summary line).</summary>
    public string Redact(string text, TurnSecrets? secrets = null) => redactor.Redact(text, secrets);

    private void Scrub(JsonNode? node, TurnSecrets? secrets)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    var child = obj[key];
                    if (child is JsonValue value && value.TryGetValue<string>(out var s))
                    {
                        var scrubbed = redactor.Redact(s, secrets);
                        if (!ReferenceEquals(scrubbed, s) && !string.Equals(scrubbed, s, StringComparison.Ordinal))
                        {
                            obj[key] = scrubbed;
                        }
                    }
                    else
                    {
                        Scrub(child, secrets);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue value && value.TryGetValue<string>(out var s))
                    {
                        array[i] = redactor.Redact(s, secrets);
                    }
                    else
                    {
                        Scrub(array[i], secrets);
                    }
                }

                break;
        }
    }
}

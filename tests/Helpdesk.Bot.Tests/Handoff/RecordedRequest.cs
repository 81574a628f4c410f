using System.Text;
using System.Text.Json;

namespace Helpdesk.Bot.Tests.Handoff;

/// <summary>One request a <see cref="RecordedHttpHandler"/> received.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, byte[]? Body)
{
    public string BodyText => Body is null ? string.Empty : Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(BodyText).RootElement;
}

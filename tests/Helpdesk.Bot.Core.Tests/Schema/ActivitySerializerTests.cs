using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Schema;

/// <summary>Bad bodies fail with <see cref="JsonException"/>, which the endpoints turn into 400 problem details.</summary>
public sealed class ActivitySerializerTests
{
    public static TheoryData<string> BadBodies => new()
    {
        string.Empty,
        "   ",
        "{",
        "{\"type\":\"message\"",
        "{\"type\":\"message\"} trailing",
        "{'type':'message'}",
        "{\"type\":\"message\",}",
        "null",
        "[]",
        "\"message\"",
        "42",
        "{\"type\":5}",
        "{\"text\":[\"a\"]}",
        "{\"from\":\"user-1\"}",
        "{\"conversation\":{\"isGroup\":\"yes\"}}",
        "{\"attachments\":{}}",
        "{\"entities\":[1]}",
        "{\"membersAdded\":[\"x\"]}",
        "{\"suggestedActions\":{\"actions\":\"imBack\"}}",
        "{\"timestamp\":\"not a date\"}",
        string.Concat(Enumerable.Repeat("{\"value\":", 70)) + "1" + new string('}', 70),
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void Deserialize_BadJsonString_ThrowsJsonException(string body)
    {
        Assert.ThrowsAny<JsonException>(() => ActivitySerializer.Deserialize(body));
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void Deserialize_BadJsonBytes_ThrowsJsonException(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);

        Assert.ThrowsAny<JsonException>(() => ActivitySerializer.Deserialize(bytes));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("x-unknown")]
    public void Deserialize_InvalidUtf8InAString_ThrowsJsonException(string member)
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes($"{{\"{member}\":\"a"), 0xC3, 0x28, (byte)'"', (byte)'}'];

        Assert.ThrowsAny<JsonException>(() => ActivitySerializer.Deserialize(bytes));
    }

    [Fact]
    public void Serialize_UnknownFieldsWithNullAndEmptyValues_AreKept()
    {
        const string json = """{"type":"message","x-null":null,"x-empty":{},"x-list":[],"from":{"id":"u","x-null":null}}""";

        JsonTreeAssert.Equal(json, ActivitySerializer.Serialize(ActivitySerializer.Deserialize(json)));
    }

    [Fact]
    public void Deserialize_PropertyNamesInOtherCase_MapLikeTheSdkReader()
    {
        var activity = ActivitySerializer.Deserialize("""{"Type":"message","TEXT":"hi","From":{"ID":"u1"}}""");

        Assert.Equal("message", activity.Type);
        Assert.Equal("hi", activity.Text);
        Assert.Equal("u1", activity.From!.Id);
    }

    [Fact]
    public void ConvertPayload_NullOrJsonNull_IsDefault()
    {
        using var document = JsonDocument.Parse("null");

        Assert.Null(ActivitySerializer.ConvertPayload<string>(null));
        Assert.Null(ActivitySerializer.ConvertPayload<string>(document.RootElement));
    }

    [Fact]
    public void ConvertPayload_ObjectBuiltInCode_ConvertsThroughJson()
    {
        var converted = ActivitySerializer.ConvertPayload<Dictionary<string, int>>(new { count = 3 });

        Assert.Equal(3, converted!["count"]);
    }

    [Fact]
    public void ConvertPayload_AlreadyTyped_ReturnsSameInstance()
    {
        var payload = new InvokeResponse(200, "ok");

        Assert.Same(payload, ActivitySerializer.ConvertPayload<InvokeResponse>(payload));
    }
}

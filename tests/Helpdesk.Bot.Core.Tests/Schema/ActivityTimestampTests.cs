using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Schema;

/// <summary>
/// Timestamps read from the wire are written back with their exact text (channels use 3 or 7 fraction digits,
/// "Z" or "+00:00"); timestamps set in code are written as ISO 8601.
/// </summary>
public sealed class ActivityTimestampTests
{
    [Theory]
    [InlineData("2019-02-26T20:47:24.4468491Z")]
    [InlineData("2017-02-23T19:37:06.96Z")]
    [InlineData("2026-11-22T14:00:33.420Z")]
    [InlineData("2026-11-22T14:00:33.420+00:00")]
    [InlineData("2000-01-01T13:57:34.567+13:45")]
    [InlineData("2017-02-23T12:34:07.478-07:00")]
    [InlineData("2024-05-01T10:00:00")]
    public void Serialize_TimestampsReadFromWire_KeepTheirExactText(string text)
    {
        var json = $$"""{"type":"message","timestamp":"{{text}}","localTimestamp":"{{text}}","expiration":"{{text}}"}""";

        var written = ActivitySerializer.Serialize(ActivitySerializer.Deserialize(json));

        Assert.Equal(json, written);
    }

    [Fact]
    public void Deserialize_Timestamps_ExposeTheInstantAndOffset()
    {
        var activity = ActivitySerializer.Deserialize(
            """{"timestamp":"2019-02-26T20:47:24.4468491Z","localTimestamp":"2019-02-26T12:47:24.4468491-08:00"}""");

        var expected = new DateTimeOffset(2019, 2, 26, 20, 47, 24, TimeSpan.Zero).AddTicks(4468491);
        Assert.Equal(expected, activity.Timestamp);
        Assert.Equal(TimeSpan.Zero, activity.Timestamp!.Value.Offset);
        Assert.Equal(expected, activity.LocalTimestamp);
        Assert.Equal(TimeSpan.FromHours(-8), activity.LocalTimestamp!.Value.Offset);
    }

    [Fact]
    public void Serialize_TimestampSetInCode_WritesIso8601AndReplacesTheWireText()
    {
        var activity = ActivitySerializer.Deserialize("""{"type":"message","timestamp":"2019-02-26T20:47:24.4468491Z"}""");

        activity.Timestamp = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 600, TimeSpan.Zero);
        activity.LocalTimestamp = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(1));

        Assert.Equal(
            """{"type":"message","timestamp":"2026-01-02T03:04:05.6+00:00","localTimestamp":"2026-01-02T04:04:05+01:00"}""",
            ActivitySerializer.Serialize(activity));
    }

    [Fact]
    public void Serialize_TimestampSetToNull_OmitsIt()
    {
        var activity = ActivitySerializer.Deserialize("""{"type":"message","timestamp":"2019-02-26T20:47:24.4468491Z"}""");

        activity.Timestamp = null;

        Assert.Equal("""{"type":"message"}""", ActivitySerializer.Serialize(activity));
    }

    [Fact]
    public void Deserialize_NullTimestamp_IsNull()
    {
        var activity = ActivitySerializer.Deserialize("""{"type":"message","timestamp":null}""");

        Assert.Null(activity.Timestamp);
        Assert.Equal("""{"type":"message"}""", ActivitySerializer.Serialize(activity));
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"\"")]
    [InlineData("\"2024-13-01T00:00:00Z\"")]
    [InlineData("1714557600")]
    [InlineData("{}")]
    public void Deserialize_InvalidTimestamp_ThrowsJsonException(string value)
    {
        Assert.Throws<JsonException>(() => ActivitySerializer.Deserialize($$"""{"type":"message","timestamp":{{value}}}"""));
    }
}

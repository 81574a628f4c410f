using System.Text.Json;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Schema;

/// <summary>Immutable records serialized once through <see cref="ActivitySerializer.Options"/>.</summary>
public sealed class ImmutableJsonValueConverterTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void Serialize_MarkedRecord_WritesWhatAnUnmarkedRecordWrites()
    {
        var marked = JsonSerializer.Serialize(new MarkedStep("vpn", "Restart the client", null, At, "é <b>"), ActivitySerializer.Options);
        var plain = JsonSerializer.Serialize(new PlainStep("vpn", "Restart the client", null, At, "é <b>"), ActivitySerializer.Options);

        Assert.Equal(plain, marked);
        Assert.Contains("\"step\":\"Restart the client\"", marked, StringComparison.Ordinal);
        Assert.DoesNotContain("answer", marked, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_SameInstanceInAStateBagTwice_SameJsonAndAWithCopyWritesItsOwnValues()
    {
        var first = new MarkedStep("vpn", "Restart the client", "done", At, null);
        var steps = new List<MarkedStep> { first };
        var state = new Dictionary<string, object?> { ["case"] = new Holder { Steps = steps } };

        var before = JsonSerializer.Serialize(state, ActivitySerializer.Options);
        var again = JsonSerializer.Serialize(state, ActivitySerializer.Options);
        steps.Add(first with { Answer = "still broken" });
        var after = JsonSerializer.Serialize(state, ActivitySerializer.Options);

        Assert.Equal(before, again);
        using var document = JsonDocument.Parse(after);
        var written = document.RootElement.GetProperty("case").GetProperty("steps");
        Assert.Equal(["done", "still broken"], written.EnumerateArray().Select(s => s.GetProperty("answer").GetString()));
    }

    [Fact]
    public void Deserialize_WrittenJson_RoundTrips()
    {
        var step = new MarkedStep("password-reset", "Code sent", "yes", At, "x");
        var json = JsonSerializer.Serialize(new Holder { Steps = [step] }, ActivitySerializer.Options);

        var read = JsonSerializer.Deserialize<Holder>(json, ActivitySerializer.Options)!;

        Assert.Equal(step, Assert.Single(read.Steps));
    }

    [Fact]
    public void Deserialize_CaseInsensitiveNames_ReadAsTheOptionsRead()
    {
        var read = JsonSerializer.Deserialize<MarkedStep>("""{"SOURCE":"vpn","Step":"s","at":"2026-03-02T09:30:00+01:00"}""", ActivitySerializer.Options)!;

        Assert.Equal(new MarkedStep("vpn", "s", null, At, null), read);
    }

    public sealed record MarkedStep(string Source, string Step, string? Answer, DateTimeOffset At, string? Note) : IImmutableJsonValue;

    public sealed record PlainStep(string Source, string Step, string? Answer, DateTimeOffset At, string? Note);

    public sealed class Holder
    {
        public List<MarkedStep> Steps { get; set; } = [];
    }
}

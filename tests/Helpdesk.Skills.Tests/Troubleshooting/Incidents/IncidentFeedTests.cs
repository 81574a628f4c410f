using Helpdesk.Skills.Tests.Troubleshooting.Support;
using Helpdesk.Skills.Troubleshooting.Incidents;

namespace Helpdesk.Skills.Tests.Troubleshooting.Incidents;

public sealed class IncidentFeedTests : IDisposable
{
    private static readonly DateTimeOffset Default = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Parse_GoodAndBadItems_LoadsTheGoodReportsTheBad()
    {
        var (incidents, problems) = IncidentFeedParser.Parse("""
            {
              // exported from the ITSM tool
              "incidents": [
                {"id": "INC1", "service": "VPN", "title": "VPN down", "status": "Investigating", "eta": "2026-12-01T12:00:00+01:00"},
                {"id": "INC2", "service": "email", "status": "identified"},
                {"id": "INC3", "service": "wifi", "title": "Wi-Fi", "status": "broken"},
                {"id": "INC4", "service": "wifi", "title": "Wi-Fi", "status": "monitoring", "updated": "yesterday"},
                {"id": "inc1", "service": "vpn", "title": "dup", "status": "resolved"},
                "not an object",
              ]
            }
            """, Default);

        var incident = Assert.Single(incidents);
        Assert.Equal(new Incident("INC1", "vpn", "VPN down", IncidentStatus.Investigating, Default, new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero), null, IncidentSource.Feed), incident);
        Assert.Equal(
        [
            "incidents[1]: missing 'title'",
            "incidents[2] (INC3): unknown status 'broken' (use investigating, identified, monitoring or resolved)",
            "incidents[3] (INC4): 'updated' and 'eta' must be ISO 8601 dates with a time zone, e.g. 2026-12-01T09:30:00Z",
            "incidents[4]: duplicate id 'inc1'",
            "incidents[5]: expected an object",
        ], problems);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"items\": []}")]
    public void Parse_NotAFeed_Reported(string json)
    {
        var (incidents, problems) = IncidentFeedParser.Parse(json, Default);

        Assert.Empty(incidents);
        Assert.Single(problems);
    }

    [Fact]
    public void Current_FileChanges_ReloadedAndBrokenRewriteKeepsTheLastGood()
    {
        var path = _temp.Sub("feed.json");
        var feed = new IncidentFileFeed(path);
        var reported = new List<string>();
        feed.ProblemsFound += (_, problems) => reported.AddRange(problems);
        Assert.Empty(feed.Current);

        Write(path, """[{"id": "A", "service": "vpn", "title": "One", "status": "identified"}]""", 1);
        Assert.Equal("One", Assert.Single(feed.Current).Title);

        Write(path, """[{"id": "A", "service": "vpn", "title": "Two", "status": "identified"}]""", 2);
        Assert.Equal("Two", Assert.Single(feed.Current).Title);

        Write(path, "{ half written", 3);
        Assert.Equal("Two", Assert.Single(feed.Current).Title);
        Assert.Single(reported);

        File.Delete(path);
        Assert.Empty(feed.Current);
    }

    private static void Write(string path, string json, int minute)
    {
        File.WriteAllText(path, json);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 12, 1, 9, minute, 0, DateTimeKind.Utc));
    }
}

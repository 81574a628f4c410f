using Helpdesk.Skills.Tests.Troubleshooting.Support;
using Helpdesk.Skills.Troubleshooting;

namespace Helpdesk.Skills.Tests.Troubleshooting;

public sealed class FlowCatalogTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void FromDirectory_BrokenFlowLeftOutOthersLoad()
    {
        File.Copy(Path.Combine(Repo.FlowsDirectory, "vpn.yaml"), _temp.Sub("vpn.yaml"));
        _temp.Write("broken.yaml", "id: broken\nstart: nowhere\nnodes: []\n");

        using var catalog = FlowCatalog.FromDirectory(_temp.Path, watch: false);

        Assert.Equal(["vpn"], catalog.Flows.Select(f => f.Id));
        Assert.Contains(catalog.Problems, p => p.IsError && p.Location.File.EndsWith("broken.yaml", StringComparison.Ordinal));
        Assert.Null(catalog.Find("broken"));
    }

    [Fact]
    public async Task FromDirectory_Watched_FileAddedIsPickedUp()
    {
        File.Copy(Path.Combine(Repo.FlowsDirectory, "vpn.yaml"), _temp.Sub("vpn.yaml"));
        using var catalog = FlowCatalog.FromDirectory(_temp.Path, watch: true);
        using var reloaded = new SemaphoreSlim(0);
        catalog.Loaded += (_, _) => reloaded.Release();

        File.Copy(Path.Combine(Repo.FlowsDirectory, "wifi.yaml"), _temp.Sub("wifi.yaml"));

        for (var second = 0; second < 20 && catalog.Find("wifi") is null; second++)
        {
            await reloaded.WaitAsync(TimeSpan.FromSeconds(1));
        }

        Assert.NotNull(catalog.Find("wifi"));
        Assert.NotNull(catalog.Detector.Detect("wifi not working").SingleOrDefault(f => f.Id == "wifi"));
    }

    [Fact]
    public async Task FlowEdited_StepGoneMidConversation_StartsAgainFromTheTop()
    {
        var path = _temp.Sub("vpn.yaml");
        File.Copy(Path.Combine(Repo.FlowsDirectory, "vpn.yaml"), path);
        using var catalog = FlowCatalog.FromDirectory(_temp.Path, watch: false);
        var harness = new TroubleshootingHarness(catalog: catalog) { Request = Helpdesk.Skills.Troubleshooting.TroubleshootingRequest.Start("vpn") };
        await harness.Flow()
            .Send("vpn").AssertReplyContains("same checks").AssertReplyContains("What's happening")
            .Send("1").AssertReplyContains("Contoso office")
            .StartTestAsync();

        File.WriteAllText(path, File.ReadAllText(path).Replace("office-check", "where-are-you", StringComparison.Ordinal));
        catalog.Reload();

        await harness.Flow()
            .Send("yes")
            .AssertReply("This guide was updated while we were talking, so let's start it again from the top.")
            .AssertReplyContains("What's happening with the VPN?")
            .StartTestAsync();
    }
}

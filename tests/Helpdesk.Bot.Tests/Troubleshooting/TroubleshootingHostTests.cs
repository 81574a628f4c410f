using Helpdesk.Skills.Troubleshooting;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Troubleshooting;

/// <summary>Guided troubleshooting in the real host: Direct Line in, the real bot, SQLite state.</summary>
public sealed class TroubleshootingHostTests : IDisposable
{
    private readonly string _data = HelpdeskTestHost.NewDataDirectory();

    public void Dispose() => HelpdeskTestHost.DeleteDataDirectory(_data);

    [Fact]
    public async Task ServerRestart_MidFlow_TheConversationContinues()
    {
        string conversation;
        await using (var before = new HelpdeskTestHost(_data))
        {
            conversation = await before.StartConversationAsync();
            Assert.Contains("Sounds like a VPN problem", HelpdeskTestHost.Texts(await before.SayAsync(conversation, "my vpn keeps disconecting")), StringComparison.Ordinal);
            Assert.Contains("What's happening with the VPN?", HelpdeskTestHost.Texts(await before.SayAsync(conversation, "yes")), StringComparison.Ordinal);
            Assert.Contains("Are you in a Contoso office", HelpdeskTestHost.Texts(await before.SayAsync(conversation, "It won't connect")), StringComparison.Ordinal);
        }

        await using var after = new HelpdeskTestHost(_data);
        var replies = await after.SayAsync(conversation, "no");

        var reply = Assert.Single(replies);
        Assert.StartsWith("Let's check the connection underneath first.", reply.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Yes", "No", "Back", "This didn't help"], reply.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task FlowsDirectory_Configured_ItsFlowsAreUsed()
    {
        var flows = Path.Combine(_data, "flows");
        Directory.CreateDirectory(flows);
        await File.WriteAllTextAsync(Path.Combine(flows, "coffee.yaml"), """
            id: coffee
            title: Coffee machine broken
            label: Coffee machine
            sounds_like: the coffee machine is broken
            category: facilities/coffee
            priority: P4
            triggers: [coffee machine]
            start: plug
            nodes:
              - id: plug
                type: check
                text: Is it plugged in?
                yes: ticket
                no: fixed
              - id: fixed
                type: outcome
                result: resolved
              - id: ticket
                type: outcome
                result: escalate
                reason: Coffee machine broken.
            """);

        await using var host = new HelpdeskTestHost(settings: new Dictionary<string, string?> { ["Troubleshooting:FlowsDirectory"] = flows });
        var catalog = host.Services.GetRequiredService<IFlowCatalog>();
        Assert.Equal(["coffee"], catalog.Flows.Select(f => f.Id));

        var conversation = await host.StartConversationAsync();
        Assert.Contains("Sounds like the coffee machine is broken", HelpdeskTestHost.Texts(await host.SayAsync(conversation, "the coffee machine is dead")), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_FlowsDirectoryMissing_FailsNamingTheSetting()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            var host = new HelpdeskTestHost(settings: new Dictionary<string, string?> { ["Troubleshooting:FlowsDirectory"] = Path.Combine(_data, "nope") });
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });

        Assert.Contains("Troubleshooting:FlowsDirectory", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Troubleshooting:MaxUnrecognizedAnswers", "0", "Troubleshooting:MaxUnrecognizedAnswers must be from 1 to 10.")]
    [InlineData("Troubleshooting:ArticleLinkFormat", "https://kb.example/", "Troubleshooting:ArticleLinkFormat must contain {id}")]
    [InlineData("Incidents:AdminApiKey", "short", "Incidents:AdminApiKey must be at least 32 characters")]
    public void Start_BadSetting_FailsNamingTheSetting(string key, string value, string message)
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            var host = new HelpdeskTestHost(settings: new Dictionary<string, string?> { [key] = value });
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        });

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }
}

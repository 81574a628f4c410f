using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Tests.EndToEnd;
using YamlDotNet.RepresentationModel;

namespace Helpdesk.Bot.Tests.Manifests;

/// <summary>manifests/slack/app-manifest.yml against what the direct Slack adapter serves and needs.</summary>
public sealed class SlackManifestTests
{
    private static readonly YamlMappingNode Manifest = Load();

    [Fact]
    public void Manifest_RequestUrls_AreTheAdaptersRoutes()
    {
        var settings = Map(Manifest, "settings");

        Assert.EndsWith(SlackProtocol.EventsRoute, Scalar(Map(settings, "event_subscriptions"), "request_url"), StringComparison.Ordinal);
        Assert.EndsWith(SlackProtocol.InteractiveRoute, Scalar(Map(settings, "interactivity"), "request_url"), StringComparison.Ordinal);
        Assert.Equal("true", Scalar(Map(settings, "interactivity"), "is_enabled"));
        Assert.Equal("false", Scalar(settings, "socket_mode_enabled"));
    }

    [Fact]
    public void Manifest_EventsAndScopes_CoverWhatTheAdapterAnswers()
    {
        var events = Sequence(Map(Map(Manifest, "settings"), "event_subscriptions"), "bot_events");
        var scopes = Sequence(Map(Map(Manifest, "oauth_config"), "scopes"), "bot");

        Assert.Contains("app_mention", events);
        Assert.Contains("message.im", events);
        Assert.Contains("message.channels", events);
        Assert.Contains("chat:write", scopes); // chat.postMessage and chat.update
        Assert.Contains("app_mentions:read", scopes);
        Assert.Contains("im:history", scopes); // message.im
        Assert.Contains("channels:history", scopes); // message.channels
        Assert.Contains("groups:history", scopes); // message.groups
        Assert.Contains("mpim:history", scopes); // message.mpim
        Assert.Contains("users:read", scopes); // users.info
    }

    [Fact]
    public void Manifest_DisplayInformation_WithinSlackLimits()
    {
        var display = Map(Manifest, "display_information");

        Assert.InRange(Scalar(display, "name").Length, 1, 35);
        Assert.InRange(Scalar(display, "description").Length, 1, 140);
        Assert.InRange(Scalar(display, "long_description").Length, 175, 4000);
        Assert.Matches("^#[0-9a-fA-F]{6}$", Scalar(display, "background_color"));
        Assert.True(Map(Map(Manifest, "features"), "app_home").Children.ContainsKey(new YamlScalarNode("messages_tab_enabled")));
    }

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "manifests", "slack", "app-manifest.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static List<string> Sequence(YamlMappingNode node, string key) =>
        [.. ((YamlSequenceNode)node.Children[new YamlScalarNode(key)]).Children.Cast<YamlScalarNode>().Select(s => s.Value!)];
}

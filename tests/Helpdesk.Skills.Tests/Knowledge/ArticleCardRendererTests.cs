using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.Knowledge;

namespace Helpdesk.Skills.Tests.Knowledge;

public sealed class ArticleCardRendererTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly ArticleCardItem Own = new("VPN won't connect", "Fix a VPN that won't connect.", "Check the internet first, then [restart](x) the client.", "/kb/vpn-wont-connect", "Network and remote access", new DateOnly(2026, 11, 2), null);
    private static readonly ArticleCardItem Corpus = Own with { Title = "Outlook crashes", Url = "/kb/OfficeDocs-Support/a", Attribution = "Contains material from X, licensed under CC BY 4.0." };

    [Theory]
    [InlineData(ChannelIds.Webchat)]
    [InlineData(ChannelIds.Directline)]
    [InlineData(ChannelIds.Msteams)]
    [InlineData(ChannelIds.Emulator)]
    public void Render_AdaptiveChannels_OneAdaptiveCard15(string channelId)
    {
        var activity = ArticleCardRenderer.Render(new ArticleCardPage("Best match:", [Own, Corpus]), channelId);

        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal(AttachmentContentTypes.AdaptiveCard, attachment.ContentType);
        var card = Assert.IsType<JsonObject>(attachment.Content);
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("Best match: VPN won't connect; Outlook crashes", activity.Summary);
        var json = card.ToJsonString(Relaxed);
        Assert.Contains("Network and remote access · Updated 2 Nov 2026", json, StringComparison.Ordinal);
        Assert.Contains("Contains material from X, licensed under CC BY 4.0.", json, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"/kb/vpn-wont-connect\"", json, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"/kb/OfficeDocs-Support/a\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("](", json, StringComparison.Ordinal);
        Assert.Equal(1, json.Split('“').Length - 1);
    }

    [Fact]
    public void Render_Slack_HeroCardCarouselWithAttribution()
    {
        var activity = ArticleCardRenderer.Render(new ArticleCardPage("More:", [Own, Corpus]), ChannelIds.Slack);

        Assert.Equal("carousel", activity.AttachmentLayout);
        Assert.Equal("More:", activity.Text);
        Assert.All(activity.Attachments!, a => Assert.Equal(AttachmentContentTypes.HeroCard, a.ContentType));
        var second = JsonSerializer.Serialize(activity.Attachments![1].Content);
        Assert.Contains("CC BY 4.0", second, StringComparison.Ordinal);
        Assert.Contains("/kb/OfficeDocs-Support/a", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoArticles_Refused() =>
        Assert.Throws<ArgumentException>(() => ArticleCardRenderer.Render(new ArticleCardPage("x", []), ChannelIds.Webchat));

    [Fact]
    public void Render_LongPassage_ShortenedOnAWordBoundary()
    {
        var text = string.Join(' ', Enumerable.Repeat("word", 200));
        var card = ArticleCardRenderer.AdaptiveCard(new ArticleCardPage("x", [Own with { Summary = text }]));

        var summary = card["body"]![1]!["items"]![2]!["text"]!.GetValue<string>();
        Assert.True(summary.Length <= ArticleCardRenderer.MaxTextLength + 1);
        Assert.EndsWith("word…", summary, StringComparison.Ordinal);
    }
}

using Helpdesk.Bot.Channels.Slack;

namespace Helpdesk.Bot.Tests.Channels.Slack;

public sealed class SlackMrkdwnTests
{
    [Theory]
    [InlineData("<@UBOT> my vpn is down", "my vpn is down")]
    [InlineData("<@UBOT|helpdesk> printer", "printer")]
    [InlineData("ask <@U123|megan> about <#C42|it-help>", "ask @megan about #it-help")]
    [InlineData("ask <@U123>", "ask @U123")]
    [InlineData("<!here> wifi", "@here wifi")]
    [InlineData("see <https://contoso.example/kb?a=1&amp;b=2|the article>", "see the article")]
    [InlineData("error &lt;0x80070005&gt; &amp; more", "error <0x80070005> & more")]
    [InlineData("  spaced   out  ", "spaced out")]
    public void ToPlainText_SlackMarkup_ReadableText(string mrkdwn, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.ToPlainText(mrkdwn, "UBOT"));
    }

    [Theory]
    [InlineData("**Bold** and *italic*", "*Bold* and _italic_")]
    [InlineData("Open [the portal](https://servicedesk.contoso.example) now", "Open <https://servicedesk.contoso.example|the portal> now")]
    [InlineData("# Reset your password", "*Reset your password*")]
    [InlineData("- first\n- second", "• first\n• second")]
    [InlineData("~~old~~ new", "~old~ new")]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("type **agent** to reach a person", "type *agent* to reach a person")]
    public void FromMarkdown_BotMarkdown_SlackMrkdwn(string markdown, string expected)
    {
        Assert.Equal(expected, SlackMrkdwn.FromMarkdown(markdown));
    }
}

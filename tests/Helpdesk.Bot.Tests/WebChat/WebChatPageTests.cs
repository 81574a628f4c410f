using Helpdesk.Bot.WebChat;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Moq;

namespace Helpdesk.Bot.Tests.WebChat;

public sealed class WebChatPageTests
{
    private static WebChatOptions Settings(string? contact = null) => new()
    {
        Title = "Fabrikam <IT> & \"Help\"",
        BrandColor = "#ffcc00",
        Intro = "Reset your password — 24/7.",
        BotAvatarInitials = "FB",
        UserAvatarInitials = "Me",
        ServiceDeskContact = contact,
    };

    [Fact]
    public void Render_Placeholders_ReplacedWithEncodedValues()
    {
        var html = WebChatPage.Render("<title>{{Title}}</title><p>{{Intro}}</p><i data-b=\"{{BotAvatarInitials}}\" data-u=\"{{UserAvatarInitials}}\"></i>", Settings(), "n0nce");

        Assert.Equal(
            "<title>Fabrikam &lt;IT&gt; &amp; &quot;Help&quot;</title><p>Reset your password &#x2014; 24/7.</p><i data-b=\"FB\" data-u=\"Me\"></i>",
            html);
    }

    [Fact]
    public void Render_BrandColour_AddsReadableForegroundAndDarkShade()
    {
        var html = WebChatPage.Render("{{BrandColor}} {{BrandForeground}} {{BrandDark}}", Settings(), "n0nce");

        Assert.Equal("#ffcc00 #1b1b1b #cca300", html);
    }

    [Fact]
    public void Render_Nonce_InsertedWherever()
    {
        var html = WebChatPage.Render("<style nonce=\"{{Nonce}}\"></style><script nonce=\"{{Nonce}}\"></script>", Settings(), "abc+/=");

        Assert.Equal("<style nonce=\"abc&#x2B;/=\"></style><script nonce=\"abc&#x2B;/=\"></script>", html);
    }

    [Fact]
    public void Render_NoServiceDeskContact_HidesItsElement()
    {
        const string template = "<p {{ServiceDeskContactHidden}}>{{ServiceDeskContact}}</p>";

        Assert.Equal("<p hidden></p>", WebChatPage.Render(template, Settings(contact: "  "), "n"));
        Assert.Equal("<p >Call 4357</p>", WebChatPage.Render(template, Settings(contact: "Call 4357"), "n"));
    }

    [Fact]
    public void Render_UnknownPlaceholder_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WebChatPage.Render("{{Title}} {{Subtitle}}", Settings(), "n"));

        Assert.Contains("{{Subtitle}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TemplateNotDeployed_ReturnsNull()
    {
        var environment = new Mock<IWebHostEnvironment>();
        environment.SetupGet(e => e.WebRootFileProvider).Returns(new NullFileProvider());
        var page = new WebChatPage(Options.Create(Settings()), environment.Object);

        Assert.Null(page.Render("n0nce"));
    }
}

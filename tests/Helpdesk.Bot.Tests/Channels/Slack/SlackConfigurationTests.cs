using System.Net;
using Helpdesk.Bot.Channels.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.Channels.Slack;

public sealed class SlackConfigurationTests
{
    [Fact]
    public async Task Host_NoSlackSettings_EndpointsAbsent()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Storage:Provider", "Memory"));
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(SlackProtocol.EventsRoute, new StringContent("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void Host_SigningSecretWithoutToken_FailsAtStartNamingTheSetting()
    {
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("Storage:Provider", "Memory");
            b.UseSetting("Slack:SigningSecret", "abc");
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Slack:BotToken", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xoxp-user-token", "https://slack.com/api/", "Slack:BotToken must be a bot user OAuth token")]
    [InlineData("xoxb-1", "http://slack.example/api/", "Slack:ApiBaseUrl")]
    public void Validate_BadValues_NameTheSetting(string token, string baseUrl, string expected)
    {
        var result = new SlackOptionsValidator().Validate(null, new SlackOptions { SigningSecret = "s", BotToken = token, ApiBaseUrl = baseUrl });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new SlackOptionsValidator().Validate(null, new SlackOptions()).Succeeded);
    }
}

using System.Net;
using System.Text;
using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkAuthenticationTests : IDisposable
{
    private const string BotFrameworkIssuer = "https://api.botframework.com";

    private readonly BotFrameworkTestFactory _factory = BotFrameworkTestFactory.Authenticated();
    private readonly BotFrameworkSigningKey _key = new("bf-key-1", "msteams", "webchat");

    public BotFrameworkAuthenticationTests() => _factory.Cloud.PublishBotFrameworkKeys(_key);

    public void Dispose()
    {
        _factory.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task Post_ValidToken_RunsTurnAndStampsCallerId()
    {
        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(_factory.Bot.Received);
        Assert.Equal("hello", received.Text);
        Assert.Equal(BotFrameworkProtocol.PublicAzureChannelCallerId, received.CallerId);
        Assert.Equal(1, _factory.Cloud.MetadataRequests);
        Assert.Equal(1, _factory.Cloud.JwksRequests);
    }

    [Fact]
    public async Task Post_CallerIdSentByClient_IsReplacedByAuthenticatedCaller()
    {
        var activity = BotFrameworkTestFactory.TeamsMessage();
        activity["callerId"] = "urn:botframework:aadappid:forged";

        using var response = await _factory.PostActivityAsync(activity, ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BotFrameworkProtocol.PublicAzureChannelCallerId, Assert.Single(_factory.Bot.Received).CallerId);
    }

    [Fact]
    public async Task Post_ForgedSignature_Returns401()
    {
        using var attacker = new BotFrameworkSigningKey("attacker");
        var now = _factory.Time.GetUtcNow();
        var forged = attacker.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30), keyIdOverride: _key.KeyId);

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), forged);

        await AssertUnauthorizedAsync(response, "signature invalid");
    }

    [Fact]
    public async Task Post_TamperedPayload_Returns401()
    {
        var token = ValidToken();
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]))
            .Replace(BotFrameworkFakeCloud.ServiceUrl, "https://evil.test/", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(serviceUrl: "https://evil.test/"), tampered);

        await AssertUnauthorizedAsync(response, "signature invalid");
    }

    [Fact]
    public async Task Post_UnsignedToken_Returns401()
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var exp = _factory.Time.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode($"{{\"iss\":\"{BotFrameworkIssuer}\",\"aud\":\"{BotFrameworkFakeCloud.AppId}\",\"serviceurl\":\"{BotFrameworkFakeCloud.ServiceUrl}\",\"exp\":{exp}}}");

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), $"{header}.{payload}.");

        await AssertUnauthorizedAsync(response);
    }

    [Fact]
    public async Task Post_WrongAudience_Returns401()
    {
        var now = _factory.Time.GetUtcNow();
        var token = _key.CreateToken(BotFrameworkIssuer, "some-other-bot", BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        await AssertUnauthorizedAsync(response, "audience is not the bot's app id");
    }

    [Fact]
    public async Task Post_ExpiredBeyondClockSkew_Returns401()
    {
        var now = _factory.Time.GetUtcNow();
        var token = _key.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddHours(-2), now.AddMinutes(-6));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        await AssertUnauthorizedAsync(response, "token outside its lifetime");
    }

    [Fact]
    public async Task Post_ExpiredWithinClockSkew_IsAccepted()
    {
        var now = _factory.Time.GetUtcNow();
        var token = _key.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddHours(-1), now.AddMinutes(-4));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_factory.Bot.Received);
    }

    [Fact]
    public async Task Post_NotYetValidBeyondClockSkew_Returns401()
    {
        var now = _factory.Time.GetUtcNow();
        var token = _key.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(10), now.AddMinutes(60));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        await AssertUnauthorizedAsync(response, "token outside its lifetime");
    }

    [Fact]
    public async Task Post_WrongIssuer_Returns401WithoutFetchingKeys()
    {
        var now = _factory.Time.GetUtcNow();
        var token = _key.CreateToken("https://issuer.evil.test", BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        await AssertUnauthorizedAsync(response, "issuer not accepted");
        Assert.Equal(0, _factory.Cloud.JwksRequests);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimMismatch_Returns401AndSendsNothing()
    {
        var now = _factory.Time.GetUtcNow();
        var token = _key.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, "https://other-region.connector.test/", now.AddMinutes(-1), now.AddMinutes(30));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        await AssertUnauthorizedAsync(response, "serviceurl claim does not match");
        Assert.Empty(_factory.Cloud.ConnectorRequests);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimMissing_Returns401()
    {
        var now = _factory.Time.GetUtcNow();
        var token = _key.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, serviceUrl: null, now.AddMinutes(-1), now.AddMinutes(30));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        await AssertUnauthorizedAsync(response, "serviceurl claim missing");
    }

    [Fact]
    public async Task Post_MissingAuthorizationHeaderWithAppId_Returns401WithBearerChallenge()
    {
        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_factory.Bot.Received);
    }

    [Fact]
    public async Task Post_NonBearerScheme_Returns401()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotFrameworkProtocol.MessagesRoute)
        {
            Content = new StringContent(BotFrameworkTestFactory.TeamsMessage().ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_factory.Bot.Received);
    }

    [Fact]
    public async Task Post_KeyRotation_UnknownKidRefreshesMetadataAndIsAccepted()
    {
        using (var first = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), ValidToken()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var rotated = new BotFrameworkSigningKey("bf-key-2", "msteams");
        _factory.Cloud.PublishBotFrameworkKeys(rotated);
        var now = _factory.Time.GetUtcNow();
        var token = rotated.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _factory.Bot.Received.Count);
        Assert.Equal(2, _factory.Cloud.JwksRequests);
    }

    [Fact]
    public async Task Post_UnknownKidTwice_RefreshesOnceAndReturns401()
    {
        using (var first = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), ValidToken()))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var unpublished = new BotFrameworkSigningKey("never-published");
        var now = _factory.Time.GetUtcNow();
        var token = unpublished.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));

        using var second = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);
        using var third = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        await AssertUnauthorizedAsync(second);
        await AssertUnauthorizedAsync(third, "signing key not found");
        Assert.Equal(2, _factory.Cloud.JwksRequests);
    }

    [Fact]
    public async Task Post_KeyNotEndorsedForChannel_Returns401()
    {
        var activity = BotFrameworkTestFactory.TeamsMessage();
        activity["channelId"] = "slack";

        using var response = await _factory.PostActivityAsync(activity, ValidToken());

        await AssertUnauthorizedAsync(response, "signing key is not endorsed for the activity's channel");
    }

    [Fact]
    public async Task Post_KeyWithoutEndorsements_AcceptsAnyChannel()
    {
        using var plain = new BotFrameworkSigningKey("bf-plain");
        _factory.Cloud.PublishBotFrameworkKeys(plain);
        var activity = BotFrameworkTestFactory.TeamsMessage();
        activity["channelId"] = "slack";
        var now = _factory.Time.GetUtcNow();
        var token = plain.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));

        using var response = await _factory.PostActivityAsync(activity, token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_EntraIssuerOnMultiTenantBot_Returns401()
    {
        using var entraKey = new BotFrameworkSigningKey("entra-1");
        _factory.Cloud.PublishEntraKeys(entraKey);
        var now = _factory.Time.GetUtcNow();
        var token = entraKey.CreateToken($"https://login.microsoftonline.com/{BotFrameworkFakeCloud.TenantId}/v2.0", BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));

        using var response = await _factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);

        await AssertUnauthorizedAsync(response, "issuer not accepted");
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + BotFrameworkFakeCloud.TenantId + "/v2.0")]
    [InlineData("https://sts.windows.net/" + BotFrameworkFakeCloud.TenantId + "/")]
    public async Task Post_EntraIssuerOnSingleTenantBot_IsValidatedWithEntraKeys(string issuer)
    {
        using var factory = BotFrameworkTestFactory.Authenticated();
        factory.Settings["Bot:AppType"] = "SingleTenant";
        factory.Settings["Bot:TenantId"] = BotFrameworkFakeCloud.TenantId;
        using var entraKey = new BotFrameworkSigningKey("entra-1");
        factory.Cloud.PublishEntraKeys(entraKey);
        factory.Cloud.PublishBotFrameworkKeys(_key);
        var now = factory.Time.GetUtcNow();
        var token = entraKey.CreateToken(issuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));
        var signedByWrongIssuerKeys = _key.CreateToken(issuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));

        using var accepted = await factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), token);
        using var refused = await factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), signedByWrongIssuerKeys);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await AssertUnauthorizedAsync(refused);
    }

    [Fact]
    public async Task Post_NoAppId_AcceptsAnonymousTrafficAndRepliesWithoutToken()
    {
        using var factory = BotFrameworkTestFactory.Anonymous();

        using var response = await factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage("hi there"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(factory.Bot.Received);
        Assert.Null(received.CallerId);
        var reply = Assert.Single(factory.Cloud.ConnectorRequests);
        Assert.Null(reply.Authorization);
        Assert.Equal("echo: hi there", reply.Activity.Text);
        Assert.Equal(0, factory.Cloud.TokenRequests);
        Assert.Equal(0, factory.Cloud.MetadataRequests);
    }

    [Fact]
    public async Task Post_NoAppIdWithTokenSent_TokenIsNotRequiredOrChecked()
    {
        using var factory = BotFrameworkTestFactory.Anonymous();

        using var response = await factory.PostActivityAsync(BotFrameworkTestFactory.TeamsMessage(), "not-a-jwt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(factory.Bot.Received);
    }

    private async Task AssertUnauthorizedAsync(HttpResponseMessage response, string? reason = null)
    {
        if (reason is not null)
        {
            Assert.True(_factory.Logs.Contains("(401): " + reason), $"Expected the rejection reason '{reason}'; logged: {string.Join(" / ", _factory.Logs.Lines.Where(l => l.Contains("(40", StringComparison.Ordinal)))}");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":401", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private string ValidToken()
    {
        var now = _factory.Time.GetUtcNow();
        return _key.CreateToken(BotFrameworkIssuer, BotFrameworkFakeCloud.AppId, BotFrameworkFakeCloud.ServiceUrl, now.AddMinutes(-1), now.AddMinutes(30));
    }
}

using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Channels.DirectLine.Auth;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.Channels.DirectLine;

public sealed class DirectLineTokenServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Validate_IssuedConversationToken_IsValidForItsConversationAndUser()
    {
        var service = CreateService();

        var issued = service.IssueConversationToken("conv-A", "dl_user", "Ann");
        var result = service.Validate(issued.Token);

        Assert.Equal(DirectLineTokenStatus.Valid, result.Status);
        Assert.Equal("conv-A", result.Claims!.ConversationId);
        Assert.Equal("dl_user", result.Claims.UserId);
        Assert.Equal("Ann", result.Claims.UserName);
        Assert.Equal(DirectLineTokenScopes.Conversation, result.Claims.Scope);
        Assert.Equal(3600, issued.ExpiresIn);
        Assert.Equal(_time.GetUtcNow().AddHours(1), result.Claims.ExpiresAt);
    }

    [Fact]
    public void Validate_TokenPastItsLifetime_IsExpired()
    {
        var service = CreateService();
        var issued = service.IssueConversationToken("conv-A", null, null);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(DirectLineTokenStatus.Valid, service.Validate(issued.Token).Status);
        _time.Advance(TimeSpan.FromMinutes(1));

        var result = service.Validate(issued.Token);
        Assert.Equal(DirectLineTokenStatus.Expired, result.Status);
        Assert.Equal("conv-A", result.Claims!.ConversationId);
    }

    [Fact]
    public void Validate_StreamToken_LivesOnlyTheStreamUrlLifetime()
    {
        var service = CreateService();
        var token = service.IssueStreamToken("conv-A");

        Assert.Equal(DirectLineTokenScopes.Stream, service.Validate(token).Claims!.Scope);
        _time.Advance(TimeSpan.FromSeconds(60));

        Assert.Equal(DirectLineTokenStatus.Expired, service.Validate(token).Status);
    }

    [Fact]
    public void Validate_TokenSignedWithAnotherKey_IsInvalid()
    {
        var other = CreateService(key: 2).IssueConversationToken("conv-A", null, null).Token;

        Assert.Equal(DirectLineTokenStatus.Invalid, CreateService().Validate(other).Status);
    }

    [Fact]
    public void Validate_PayloadChangedToAnotherConversation_IsInvalid()
    {
        var service = CreateService();
        var parts = service.IssueConversationToken("conv-A", "dl_user", null).Token.Split('.');
        var payload = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64Url.DecodeFromChars(parts[1]))!;
        payload["conv"] = JsonSerializer.SerializeToElement("conv-B");
        var forged = parts[0] + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload)) + "." + parts[2];

        Assert.Equal(DirectLineTokenStatus.Invalid, service.Validate(forged).Status);
    }

    [Fact]
    public void Validate_UnsignedAlgNoneToken_IsInvalid()
    {
        var header = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"iss":"{{DirectLineTokenService.Issuer}}","conv":"conv-A","scp":"conversation","iat":0,"exp":4102444800,"jti":"x"}"""));

        Assert.Equal(DirectLineTokenStatus.Invalid, CreateService().Validate(header + "." + payload + ".").Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.!!!.???")]
    public void Validate_Garbage_IsInvalid(string token)
    {
        Assert.Equal(DirectLineTokenStatus.Invalid, CreateService().Validate(token).Status);
    }

    [Fact]
    public void IssueConversationToken_TokenCarriesUserClaimReadableByClients()
    {
        // botframework-directlinejs decodes the JWT and reads its "user" claim to learn the bound user id.
        var token = CreateService().IssueConversationToken("conv-A", "dl_abc", null).Token;
        var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.Split('.')[1])).RootElement;

        Assert.Equal("dl_abc", payload.GetProperty("user").GetString());
        Assert.Equal("conv-A", payload.GetProperty("conv").GetString());
    }

    private DirectLineTokenService CreateService(byte key = 1) => new(
        new DirectLineKeyRing(["secret-0123456789abcdef"], Enumerable.Repeat(key, 32).ToArray()),
        Options.Create(new DirectLineOptions()),
        _time);
}

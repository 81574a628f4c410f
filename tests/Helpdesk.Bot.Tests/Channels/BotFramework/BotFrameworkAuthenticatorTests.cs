using Helpdesk.Bot.Channels.BotFramework;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkAuthenticatorTests
{
    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc", "abc")]
    [InlineData("Bearer   abc  ", "abc")]
    [InlineData("Bearer ", null)]
    [InlineData("Basic dXNlcg==", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ReadBearerToken_ParsesOnlyTheBearerScheme(string? header, string? expected)
    {
        Assert.Equal(expected, BotFrameworkAuthenticator.ReadBearerToken(header));
    }

    [Fact]
    public void GetEndorsements_KeyWithEndorsements_ReturnsThem()
    {
        var configuration = Configuration("""{"keys":[{"kty":"RSA","kid":"k1","n":"AQAB","e":"AQAB","endorsements":["msteams","webchat"]}]}""");

        Assert.Equal(["msteams", "webchat"], BotFrameworkAuthenticator.GetEndorsements(configuration, "k1"));
    }

    [Fact]
    public void GetEndorsements_KeyWithoutEndorsementsOrUnknownKid_ReturnsNull()
    {
        var configuration = Configuration("""{"keys":[{"kty":"RSA","kid":"k1","n":"AQAB","e":"AQAB"}]}""");

        Assert.Null(BotFrameworkAuthenticator.GetEndorsements(configuration, "k1"));
        Assert.Null(BotFrameworkAuthenticator.GetEndorsements(configuration, "k2"));
        Assert.Null(BotFrameworkAuthenticator.GetEndorsements(configuration, null));
    }

    [Fact]
    public void GetEndorsements_EmptyList_EndorsesNothing()
    {
        var configuration = Configuration("""{"keys":[{"kty":"RSA","kid":"k1","n":"AQAB","e":"AQAB","endorsements":[]}]}""");

        Assert.Empty(BotFrameworkAuthenticator.GetEndorsements(configuration, "k1")!);
    }

    private static OpenIdConnectConfiguration Configuration(string jwks) => new() { JsonWebKeySet = new JsonWebKeySet(jwks) };
}

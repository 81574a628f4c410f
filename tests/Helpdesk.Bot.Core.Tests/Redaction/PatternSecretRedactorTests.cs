using Helpdesk.Bot.Core.Redaction;

namespace Helpdesk.Bot.Core.Tests.Redaction;

public sealed class PatternSecretRedactorTests
{
    private readonly PatternSecretRedactor _redactor = new();

    [Theory]
    [InlineData("Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXZhbHVl here", "eyJhbGciOiJSUzI1NiJ9")]
    [InlineData("open https://bot.example/reset?token=Zx81-abc_def&lang=en", "Zx81-abc_def")]
    [InlineData("my password is Hunter2Hunter2!", "Hunter2Hunter2!")]
    [InlineData("verification code: 493817", "493817")]
    public void Redact_SecretPattern_Removed(string text, string secret)
    {
        var result = _redactor.Redact(text);

        Assert.DoesNotContain(secret, result, StringComparison.Ordinal);
        Assert.Contains(RedactionMarker.Text, result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("my vpn keeps disconnecting")]
    [InlineData("what's the status of INC0010001")]
    [InlineData("I forgot my password")]
    public void Redact_OrdinaryText_Unchanged(string text) => Assert.Equal(text, _redactor.Redact(text));

    [Fact]
    public void Redact_RegisteredSecret_ReplacedEverywhere()
    {
        var secrets = new TurnSecrets();
        secrets.Add("K7q-2mPz");

        var result = _redactor.Redact("link: /reset/K7q-2mPz (K7q-2mPz)", secrets);

        Assert.Equal("link: /reset/[redacted] ([redacted])", result);
    }

    [Fact]
    public void Add_ShortValue_Ignored()
    {
        var secrets = new TurnSecrets();
        secrets.Add("abc");

        Assert.Empty(secrets.Values);
    }

    [Fact]
    public void Constructor_ConfiguredPattern_Applied()
    {
        var redactor = new PatternSecretRedactor([@"EMP-\d{6}"]);

        Assert.Equal("id [redacted]", redactor.Redact("id EMP-123456"));
    }
}

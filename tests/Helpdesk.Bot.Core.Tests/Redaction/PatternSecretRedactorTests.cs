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
    [InlineData("Your password is Zx81-qq7 \u2014 change it soon", "Zx81-qq7")] // non-ASCII text runs the patterns too
    [InlineData("\u00DCbrigens: otp=553311 \u2705", "553311")]
    [InlineData("\u00BFSecret: s3cr3t-value?", "s3cr3t-value")]
    public void Redact_SecretPattern_Removed(string text, string secret)
    {
        var result = _redactor.Redact(text);

        Assert.DoesNotContain(secret, result, StringComparison.Ordinal);
        Assert.Contains(RedactionMarker.Text, result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AUTHORIZATION: BASIC QWxhZGRpbjpvcGVuIHNlc2FtZQ==", "QWxhZGRpbjpvcGVuIHNlc2FtZQ")]
    [InlineData("see https://x.example/cb#ACCESS_TOKEN=abc.def-123", "abc.def-123")]
    [InlineData("https://x.example/f?Sig=Q1w2E3r4&x=1", "Q1w2E3r4")]
    [InlineData("https://x.example/f?signature=Q1w2E3r4", "Q1w2E3r4")]
    [InlineData("PIN: 8841", "8841")]
    [InlineData("the one-time code is 771204", "771204")]
    [InlineData("Secret = s3cr3t-value", "s3cr3t-value")]
    [InlineData("otp=553311", "553311")]
    public void Redact_SecretPatternAnyCase_Removed(string text, string secret)
    {
        var result = _redactor.Redact(text);

        Assert.DoesNotContain(secret, result, StringComparison.Ordinal);
        Assert.Contains(RedactionMarker.Text, result, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_NonAsciiCaseVariant_StillRemoved()
    {
        // U+212A KELVIN SIGN is a "k" to the case-insensitive patterns; the quick pre-check must not skip them.
        var result = _redactor.Redact("open https://x.example/?\u212Aey=Zx81abcdef");

        Assert.DoesNotContain("Zx81abcdef", result, StringComparison.Ordinal);
    }

    [Fact]
    public void FoldToAscii_EveryCharTheCaseInsensitivePatternsTakeForAnAsciiLetter_MapsToAscii()
    {
        // The quick pre-check folds text before looking for triggers; any character the regex engine treats as an
        // ASCII letter when ignoring case must fold to ASCII, or a secret written with it would skip the patterns.
        var asciiLetter = new System.Text.RegularExpressions.Regex("^[a-z]$", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        var missed = Enumerable.Range(128, char.MaxValue - 127).Select(i => (char)i)
            .Where(c => asciiLetter.IsMatch(c.ToString()) && !char.IsAscii(PatternSecretRedactor.FoldToAscii(c)))
            .Select(c => $"U+{(int)c:X4}")
            .ToList();

        Assert.Empty(missed);
        Assert.Equal('k', PatternSecretRedactor.FoldToAscii('\u212A'));
    }

    [Theory]
    [InlineData("I'm not sure which article fits \u2014 could you describe it?")]
    [InlineData("Caf\u00E9 Wi-Fi won't connect \U0001F62C")]
    public void Redact_OrdinaryNonAsciiText_Unchanged(string text) => Assert.Equal(text, _redactor.Redact(text));

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

using System.Text;
using Helpdesk.Bot.Channels.Slack;

namespace Helpdesk.Bot.Tests.Channels.Slack;

/// <summary>Slack's published example (api.slack.com, "Verifying requests from Slack") and the replay window.</summary>
public sealed class SlackSignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public void Sign_PublishedExample_ProducesPublishedSignature()
    {
        Assert.Equal(Signature, SlackSignatureVerifier.Sign(Secret, Timestamp, Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_PublishedExampleWithinWindow_Valid()
    {
        Assert.Equal(SlackSignatureResult.Valid, Verify(Body, Signature, SentAt.AddSeconds(30)));
    }

    [Fact]
    public void Verify_UppercaseHexSignature_Valid()
    {
        Assert.Equal(SlackSignatureResult.Valid, Verify(Body, "v0=" + Signature[3..].ToUpperInvariant(), SentAt));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    public void Verify_TimestampOutsideFiveMinutes_Refused(int secondsLater)
    {
        Assert.Equal(SlackSignatureResult.OutsideReplayWindow, Verify(Body, Signature, SentAt.AddSeconds(secondsLater)));
    }

    [Fact]
    public void Verify_BodyChangedByOneCharacter_Mismatch()
    {
        Assert.Equal(SlackSignatureResult.Mismatch, Verify(Body.Replace("roadrunner", "roadrunnex", StringComparison.Ordinal), Signature, SentAt));
    }

    [Fact]
    public void Verify_OtherSecret_Mismatch()
    {
        var result = SlackSignatureVerifier.Verify("another-secret", Timestamp, Signature, Encoding.UTF8.GetBytes(Body), SentAt, Window);

        Assert.Equal(SlackSignatureResult.Mismatch, result);
    }

    [Fact]
    public void Verify_TruncatedSignature_Mismatch()
    {
        Assert.Equal(SlackSignatureResult.Mismatch, Verify(Body, Signature[..^2], SentAt));
    }

    [Fact]
    public void Verify_OtherVersion_Refused()
    {
        Assert.Equal(SlackSignatureResult.WrongVersion, Verify(Body, "v1=" + Signature[3..], SentAt));
    }

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    public void Verify_MissingHeader_Refused(string? timestamp, string? signature)
    {
        var result = SlackSignatureVerifier.Verify(Secret, timestamp, signature, Encoding.UTF8.GetBytes(Body), SentAt, Window);

        Assert.Equal(SlackSignatureResult.MissingHeaders, result);
    }

    [Theory]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("99999999999999999999")]
    [InlineData("soon")]
    public void Verify_MalformedTimestamp_Refused(string timestamp)
    {
        var result = SlackSignatureVerifier.Verify(Secret, timestamp, Signature, Encoding.UTF8.GetBytes(Body), SentAt, Window);

        Assert.Equal(SlackSignatureResult.MalformedTimestamp, result);
    }

    private static SlackSignatureResult Verify(string body, string signature, DateTimeOffset now) =>
        SlackSignatureVerifier.Verify(Secret, Timestamp, signature, Encoding.UTF8.GetBytes(body), now, Window);
}

using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.Tests.Redaction;

public sealed class ActivityRedactorTests
{
    private readonly ActivityRedactor _redactor = new(new PatternSecretRedactor());

    [Fact]
    public void Redact_SecretReply_TextValueAndAttachmentsDropped()
    {
        var activity = Activity.CreateMessage("493817");
        activity.Value = new { code = "493817" };
        var secrets = new TurnSecrets { InboundIsSecret = true };

        var copy = _redactor.Redact(activity, secrets, inbound: true);

        Assert.Equal(RedactionMarker.Text, copy.Text);
        Assert.Null(copy.Value);
        Assert.Equal("493817", activity.Text);
    }

    [Fact]
    public void Redact_OutboundWithRegisteredSecret_ScrubbedInTextCardsAndActions()
    {
        var secrets = new TurnSecrets();
        secrets.Add("https://bot.example/reset/abc123XYZ");
        var activity = MessageFactory.SuggestedActions(["Open"], "Your link: https://bot.example/reset/abc123XYZ");
        activity.Attachments = [new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = new { body = new[] { new { text = "go to https://bot.example/reset/abc123XYZ" } } } }];

        var copy = _redactor.Redact(activity, secrets, inbound: false);
        var json = ActivitySerializer.Serialize(copy);

        Assert.DoesNotContain("abc123XYZ", json, StringComparison.Ordinal);
        Assert.Contains(RedactionMarker.Text, copy.Text!, StringComparison.Ordinal);
        Assert.Equal("Open", copy.SuggestedActions!.Actions![0].Title);
    }

    [Fact]
    public void Redact_SecretFlagOnOutbound_TextKept()
    {
        var activity = Activity.CreateMessage("Enter the code we sent you.");

        var copy = _redactor.Redact(activity, new TurnSecrets { InboundIsSecret = true }, inbound: false);

        Assert.Equal("Enter the code we sent you.", copy.Text);
    }

    [Fact]
    public void RedactToJson_SameAsSerializedRedactedCopy()
    {
        var context = new TurnContext(new TestAdapter(), Activity.CreateMessage("reset link https://bot.example/reset/abc123XYZ, my password is Hunter2Hunter2!"));
        TurnSecrets.For(context).Add("https://bot.example/reset/abc123XYZ");
        var activity = MessageFactory.SuggestedActions(["Open"], "Your link: https://bot.example/reset/abc123XYZ");
        activity.Id = "reply-1";

        var json = _redactor.RedactToJson(context, context.Activity, inbound: true);
        var reply = _redactor.RedactToJson(context, activity, inbound: false);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ActivitySerializer.Serialize(_redactor.Redact(context, context.Activity, inbound: true))), JsonNode.Parse(json)));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ActivitySerializer.Serialize(_redactor.Redact(context, activity, inbound: false))), JsonNode.Parse(reply)));
        Assert.DoesNotContain("abc123XYZ", json + reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2Hunter2!", json, StringComparison.Ordinal);
        Assert.Equal("Open", JsonNode.Parse(reply)!["suggestedActions"]!["actions"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void RedactToJson_SecretReply_OnlyTheMarker()
    {
        var activity = Activity.CreateMessage("493817");
        activity.Value = new { code = "493817", nested = new[] { 1, 2 } };
        activity.Speak = "493817";
        activity.ChannelData = new { text = "kept", flag = true, none = (string?)null, n = 1.5 };
        var context = new TurnContext(new TestAdapter(), activity);
        TurnSecrets.For(context).InboundIsSecret = true;

        var text = _redactor.RedactToJson(context, context.Activity, inbound: true);
        var json = JsonNode.Parse(text)!;

        Assert.Equal(RedactionMarker.Text, json["text"]!.GetValue<string>());
        Assert.Null(json["value"]);
        Assert.Null(json["speak"]);
        Assert.Equal("kept", json["channelData"]!["text"]!.GetValue<string>());
        Assert.True(json["channelData"]!["flag"]!.GetValue<bool>());
        Assert.Equal(1.5, json["channelData"]!["n"]!.GetValue<double>());
        Assert.DoesNotContain("493817", text, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ActivitySerializer.Serialize(_redactor.Redact(context, activity, inbound: true))), json));
    }

    [Fact]
    public void RedactToJson_SecretInNestedValuesAndNonAsciiText_ScrubbedAndKept()
    {
        var activity = Activity.CreateMessage("Grüße — café ✓ \"quoted\" <b>");
        activity.Value = new { items = new object[] { "password: Hunter2Hunter2!", new { deep = "Bearer abcdefghijklmnopqrstuvwxyz0123" } } };
        var context = new TurnContext(new TestAdapter(), activity);

        var text = _redactor.RedactToJson(context, activity, inbound: true);

        Assert.DoesNotContain("Hunter2Hunter2!", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz0123", text, StringComparison.Ordinal);
        Assert.Equal("Grüße — café ✓ \"quoted\" <b>", JsonNode.Parse(text)!["text"]!.GetValue<string>());
        Assert.Equal(ActivitySerializer.Deserialize(ActivitySerializer.Serialize(_redactor.Redact(context, activity, inbound: true))).Text, ActivitySerializer.Deserialize(text).Text);
    }

    [Fact]
    public void RedactToJson_EscapedTextAndNames_WrittenAsTheSerializerWritesThem()
    {
        var activity = Activity.CreateMessage("line 1\nline\t2 \\ back \u0001 end");
        activity.ChannelData = new Dictionary<string, object> { ["a\"b"] = "x\\y", ["plain"] = "otp=553311\n" };
        var context = new TurnContext(new TestAdapter(), activity);

        var text = _redactor.RedactToJson(context, activity, inbound: false);
        var json = JsonNode.Parse(text)!;

        Assert.Equal(activity.Text, json["text"]!.GetValue<string>());
        Assert.Equal("x\\y", json["channelData"]!["a\"b"]!.GetValue<string>());
        Assert.DoesNotContain("553311", text, StringComparison.Ordinal);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ActivitySerializer.Serialize(_redactor.Redact(context, activity, inbound: false))), json));
    }
}

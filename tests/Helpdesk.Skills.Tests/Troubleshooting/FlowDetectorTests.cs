using Helpdesk.Skills.Tests.Troubleshooting.Support;

namespace Helpdesk.Skills.Tests.Troubleshooting;

public sealed class FlowDetectorTests
{
    [Theory]
    [InlineData("vpn keeps disconnecting", "vpn")]
    [InlineData("my vpn keeps droping every 5 min", "vpn")]
    [InlineData("cant conect to the vnp", "vpn")]
    [InlineData("GlobalProtect won't connect", "vpn")]
    [InlineData("printer says offline", "printer")]
    [InlineData("pritner offlin", "printer")]
    [InlineData("my documents are stuck in the print queue", "printer")]
    [InlineData("wi-fi not working", "wifi")]
    [InlineData("no internet in the office", "wifi")]
    [InlineData("Outlook keeps crashing!!", "outlook-crash")]
    [InlineData("outlook is stuck on loading profile", "outlook-crash")]
    [InlineData("my emails are stuck in the outbox", "outlook-mail-flow")]
    [InlineData("not receiving emails since this morning", "outlook-mail-flow")]
    [InlineData("got a new phone, how do I move authenticator", "mfa")]
    [InlineData("too many MFA prompts", "mfa")]
    [InlineData("people cant hear me in teams", "teams-av")]
    [InlineData("webcam not working", "teams-av")]
    [InlineData("one drive not syncing", "onedrive")]
    [InlineData("my laptop is so slow", "slow-computer")]
    [InlineData("i need to install visio", "software-install")]
    [InlineData("it asks for an admin password", "software-install")]
    [InlineData("bitlocker recovery key screen", "bitlocker")]
    [InlineData("can't access the shared drive", "shared-drive")]
    [InlineData("network path not found on S drive", "shared-drive")]
    public void Detect_UsersWords_FindsTheFlow(string text, string expected)
    {
        var found = EmbeddedFlows.Catalog.Detector.Detect(text);

        Assert.True(found.Count == 1 && found[0].Id == expected, $"'{text}' → [{string.Join(", ", found.Select(f => f.Id))}], expected {expected}");
    }

    [Theory]
    [InlineData("outlook", "outlook-crash", "outlook-mail-flow")]
    public void Detect_Ambiguous_ReturnsTheCandidates(string text, params string[] expected)
    {
        Assert.Equal(expected.Order(StringComparer.Ordinal), EmbeddedFlows.Catalog.Detector.Detect(text).Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("reset my password")]
    [InlineData("hello")]
    [InlineData("what's the weather like")]
    [InlineData("talk to a person")]
    [InlineData("")]
    [InlineData("?!")]
    public void Detect_Unrelated_Nothing(string text)
    {
        Assert.Empty(EmbeddedFlows.Catalog.Detector.Detect(text));
    }

    [Fact]
    public void Detect_EveryTriggerOfEveryFlow_FindsItsFlow()
    {
        foreach (var flow in EmbeddedFlows.Catalog.Flows)
        {
            foreach (var trigger in flow.Triggers)
            {
                Assert.Contains(flow, EmbeddedFlows.Catalog.Detector.Detect(trigger));
            }
        }
    }
}

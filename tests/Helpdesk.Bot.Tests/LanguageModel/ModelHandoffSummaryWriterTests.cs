using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.LanguageModel;
using Helpdesk.Skills.LanguageModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>The generated handoff summary over a Moq'd chat completion: 3–5 lines, checked, or nothing.</summary>
public sealed class ModelHandoffSummaryWriterTests
{
    private static readonly HandoffSummaryRequest Request = new(
        "The VPN flow did not fix it",
        "network/vpn",
        "Error 809",
        ["Restarted the laptop → yes", "Updated the VPN client → yes"],
        ["VPN keeps disconnecting — did not help"],
        ["user: vpn keeps dropping with error 809", "bot: Let's check a few things."]);

    [Fact]
    public async Task WriteAsync_ValidReply_ThreeToFiveLabelledLinesAndTheModel()
    {
        var writer = Writer("""{"issue":"VPN drops with error 809 on the laptop.","tried":"Restart and a VPN client update; no change.","wants":"A working VPN today.","notes":["Has a client demo at 3 pm."]}""", out var calls);

        var summary = await writer.WriteAsync(Request, CancellationToken.None);

        Assert.Equal(
            ["Issue: VPN drops with error 809 on the laptop.", "Tried: Restart and a VPN client update; no change.", "Wants: A working VPN today.", "Note: Has a client demo at 3 pm."],
            summary!.Lines);
        Assert.Equal(LanguageModelTestClient.Model, summary.Model);
        var user = Assert.Single(calls).History[1].Content!;
        Assert.StartsWith("<case>\nEscalation reason: The VPN flow did not fix it\nCategory: network/vpn\nError text: Error 809\n", user, StringComparison.Ordinal);
        Assert.Contains("- user: vpn keeps dropping with error 809", user, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"issue":"VPN drops.","tried":"Restart.","wants":"Help.","notes":["a","b","c"]}""")]
    [InlineData("""{"issue":"","tried":"Restart.","wants":"Help.","notes":[]}""")]
    [InlineData("""{"issue":"VPN drops.","tried":"Restart.","notes":[]}""")]
    [InlineData("""{"issue":"VPN drops.","tried":"I have reset the password for the user.","wants":"Help.","notes":[]}""")]
    [InlineData("""{"issue":"VPN drops. See https://evil.example/x","tried":"Restart.","wants":"Help.","notes":[]}""")]
    [InlineData("""{"issue":"VPN drops.","tried":"Restart.","wants":"Help.","notes":["The new password is Summer2026!"]}""")]
    [InlineData("""{"issue":"VPN drops.","tried":"Restart.","wants":"Help.","notes":[],"priority":"P1"}""")]
    [InlineData("""Issue: VPN drops.""")]
    public async Task WriteAsync_BadReply_Null(string reply)
    {
        Assert.Null(await Writer(reply, out _).WriteAsync(Request, CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_LineWithASecretPattern_Redacted()
    {
        var writer = Writer("""{"issue":"Cannot sign in; says the passcode is 483920.","tried":"Restart.","wants":"Help.","notes":[]}""", out _);

        var summary = await writer.WriteAsync(Request, CancellationToken.None);

        Assert.DoesNotContain("483920", string.Join("\n", summary!.Lines), StringComparison.Ordinal);
    }

    private static ModelHandoffSummaryWriter Writer(
        string reply,
        out List<(Microsoft.SemanticKernel.ChatCompletion.ChatHistory History, Microsoft.SemanticKernel.PromptExecutionSettings? Settings, Microsoft.SemanticKernel.Kernel? Kernel)> calls)
    {
        var telemetry = new LanguageModelTelemetry();
        var client = LanguageModelTestClient.Create(LanguageModelClientTests.Chat(out calls, reply).Object, telemetry: telemetry);
        return new ModelHandoffSummaryWriter(client, telemetry, new PatternSecretRedactor(), NullLogger<ModelHandoffSummaryWriter>.Instance);
    }
}

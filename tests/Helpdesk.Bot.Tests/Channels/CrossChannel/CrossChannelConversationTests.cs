using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Channels.Teams;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.Channels.CrossChannel;

/// <summary>
/// The same conversations through every channel's mapping — Web Chat (Direct Line), Teams personal chat, group chat
/// and channel, Slack DM and channel thread — typed and clicked as each channel delivers them. Each must read the
/// same to the user (words and buttons), and say what the conversation is about.
/// </summary>
public sealed class CrossChannelConversationTests
{
    private static readonly BotTexts Texts = new(Options.Create(new ServiceDeskOptions()));

    private const string PickerPrompt = "What kind of problem is it?";

    private static readonly string[] FlowLabels = [.. ChannelConversation.Flows.Flows.Select(f => f.Label), "Something else"];

    public static TheoryData<string> Channels => ["webchat", "teams-personal", "teams-groupChat", "teams-channel", "slack-dm", "slack-channel"];

    [Fact]
    public async Task MenuClickThenAreaClick_SameConversationInEveryChannel()
    {
        var transcripts = await RunEverywhereAsync(async c =>
        {
            var welcome = await c.SayAsync("hi");
            Assert.Contains(welcome, r => r.Text.Contains("IT help assistant", StringComparison.Ordinal));
            Assert.Contains(welcome, r => r.Buttons.Select(b => b.Title).SequenceEqual(MainMenu.Choices.Select(m => m.Value)));
            var prompt = await c.ClickAsync(MainMenu.FixProblem);
            Assert.Contains(prompt, r => r.Text == PickerPrompt);
            Assert.Contains(prompt, r => r.Buttons.Select(b => b.Title).SequenceEqual(FlowLabels));
            var answer = await c.ClickAsync("Printer");
            Assert.Contains(answer, r => r.Text.Contains("What's the printer doing?", StringComparison.Ordinal));
        });

        AssertSame(transcripts);
    }

    [Fact]
    public async Task TypedTyposAndNumbers_UnderstoodAlikeInEveryChannel()
    {
        var transcripts = await RunEverywhereAsync(async c =>
        {
            await c.SayAsync("hi");
            Assert.Contains(await c.SayAsync("pasword reset"), r => r.Text.Contains("I can help you get back in.", StringComparison.Ordinal));
            await c.SayAsync("cancel");
            await c.SayAsync("fix a problem");
            Assert.Contains(await c.SayAsync("wi-fi"), r => r.Text.Contains("Where are you, and which network", StringComparison.Ordinal));
            await c.SayAsync("cancel");
            Assert.Contains(await c.SayAsync("5"), r => r.Text.Contains("servicedesk@contoso.example", StringComparison.Ordinal));
        });

        AssertSame(transcripts);
    }

    [Fact]
    public async Task HelpMidPromptThenButton_RepromptsWithButtonsInEveryChannel()
    {
        var transcripts = await RunEverywhereAsync(async c =>
        {
            await c.SayAsync("hi");
            await c.ClickAsync(MainMenu.FixProblem);
            var help = await c.SayAsync("help");
            Assert.Contains(help, r => r.Text.Contains("Here's what I can do", StringComparison.Ordinal));
            Assert.Contains(help, r => r.Text.Contains(PickerPrompt, StringComparison.Ordinal) && r.Buttons.Count == FlowLabels.Length);
            Assert.Contains(await c.ClickAsync("VPN"), r => r.Text.Contains("What's happening with the VPN?", StringComparison.Ordinal));
        });

        AssertSame(transcripts);
    }

    [Fact]
    public async Task FirstMessageIsARequest_WelcomeThenAnswerInEveryChannel()
    {
        var transcripts = await RunEverywhereAsync(async c =>
        {
            var replies = await c.SayAsync("im locked out");
            Assert.Equal(2, replies.Count);
            Assert.Contains("IT help assistant", replies[0].Text, StringComparison.Ordinal);
            Assert.Contains("I can help you unlock your account.", replies[1].Text, StringComparison.Ordinal);
        });

        AssertSame(transcripts);
    }

    [Fact]
    public async Task UnknownThenFallbackMenuClick_InEveryChannel()
    {
        var transcripts = await RunEverywhereAsync(async c =>
        {
            await c.SayAsync("hello");
            var fallback = await c.SayAsync("purple elephants dancing");
            Assert.Contains(fallback, r => r.Text.Contains("not sure which help article fits", StringComparison.Ordinal) && r.Buttons.Count == MainMenu.Choices.Count);
            Assert.Contains(await c.ClickAsync(MainMenu.TalkToPerson), r => r.Text.Contains("servicedesk@contoso.example", StringComparison.Ordinal));
            Assert.Contains(await c.SayAsync("menu"), r => r.Buttons.Count == MainMenu.Choices.Count);
        });

        AssertSame(transcripts);
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public async Task CancelMidPrompt_StopsInThatChannel(string channel)
    {
        var conversation = new ChannelConversation(Simulation(channel));

        await conversation.SayAsync("hi");
        await conversation.ClickAsync(MainMenu.FixProblem);
        var cancelled = await conversation.SayAsync("cancel");
        var next = await conversation.SayAsync("agent");

        Assert.Contains(cancelled, r => r.Text.Contains("cancelled", StringComparison.Ordinal));
        Assert.Contains(next, r => r.Text.Contains("I'll get you to a person", StringComparison.Ordinal));
    }

    private static ChannelSimulation Simulation(string name) => name switch
    {
        "webchat" => new WebChatSimulation(),
        "teams-personal" => new TeamsSimulation(TeamsProtocol.PersonalConversation),
        "teams-groupChat" => new TeamsSimulation(TeamsProtocol.GroupChatConversation),
        "teams-channel" => new TeamsSimulation(TeamsProtocol.ChannelConversation),
        "slack-dm" => new SlackSimulation(directMessage: true),
        "slack-channel" => new SlackSimulation(directMessage: false),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown channel."),
    };

    private static async Task<Dictionary<string, List<string>>> RunEverywhereAsync(Func<ChannelConversation, Task> script)
    {
        var transcripts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var name in Channels)
        {
            var conversation = new ChannelConversation(Simulation(name));
            try
            {
                await script(conversation);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new Xunit.Sdk.XunitException($"{name}: {ex.Message}{Environment.NewLine}{string.Join(Environment.NewLine, conversation.Transcript)}");
            }

            transcripts[name] = conversation.Transcript;
        }

        return transcripts;
    }

    private static void AssertSame(Dictionary<string, List<string>> transcripts)
    {
        var reference = transcripts["webchat"];
        foreach (var (name, transcript) in transcripts)
        {
            Assert.True(
                reference.SequenceEqual(transcript, StringComparer.Ordinal),
                $"{name} differs from webchat:{Environment.NewLine}--- webchat{Environment.NewLine}{string.Join(Environment.NewLine, reference)}{Environment.NewLine}--- {name}{Environment.NewLine}{string.Join(Environment.NewLine, transcript)}");
        }
    }
}

using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Bot.Tests.Infrastructure;
using Helpdesk.Skills.Troubleshooting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.Channels.CrossChannel;

/// <summary>The real helpdesk bot (dialogs, state) in one conversation on one <see cref="ChannelSimulation"/>.</summary>
internal sealed class ChannelConversation
{
    /// <summary>The shipped flows, loaded once for every conversation.</summary>
    public static readonly FlowCatalog Flows = TestHelpdeskBot.Flows;

    private readonly ChannelSimulation _channel;
    private readonly HelpdeskBot _bot;
    private readonly TestAdapter _adapter = new();
    private IReadOnlyList<RenderedReply> _last = [];

    public ChannelConversation(ChannelSimulation channel)
    {
        _channel = channel;
        var texts = new BotTexts(Options.Create(new ServiceDeskOptions()));
        var state = new ConversationState(new MemoryStorage());
        _bot = TestHelpdeskBot.Create(state, texts);
        _adapter.Use(new AutoSaveStateMiddleware(state));
    }

    /// <summary>What the user sees after each step, in order.</summary>
    public List<string> Transcript { get; } = [];

    public Task<IReadOnlyList<RenderedReply>> SayAsync(string text) => RunAsync($"> {text}", _channel.Typed(text));

    public Task<IReadOnlyList<RenderedReply>> ClickAsync(string title)
    {
        var button = _last.SelectMany(r => r.Buttons).LastOrDefault(b => b.Title == title)
            ?? throw new InvalidOperationException($"{_channel}: no button '{title}' in the last replies: {string.Join(" / ", _last)}");
        var activity = button.Click() ?? throw new InvalidOperationException($"{_channel}: clicking '{title}' reaches the bot with nothing.");
        return RunAsync($"[{title}]", activity);
    }

    private async Task<IReadOnlyList<RenderedReply>> RunAsync(string step, Core.Schema.Activity activity)
    {
        await _adapter.ProcessActivityAsync(activity, _bot.OnTurnAsync);
        _last = [.. _adapter.TakeReplies().Select(_channel.Render).OfType<RenderedReply>()];
        Transcript.Add(step);
        Transcript.AddRange(_last.Select(r => "  " + r));
        return _last;
    }
}

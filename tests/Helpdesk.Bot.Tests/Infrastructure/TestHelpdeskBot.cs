using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Channels.DirectLine;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Channels.Teams;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Bot.Handoff;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.Knowledge;
using Helpdesk.Bot.LanguageModel;
using Helpdesk.Bot.PasswordReset;
using Helpdesk.Bot.Tests.EndToEnd;
using Helpdesk.Bot.Tests.Knowledge;
using Helpdesk.Bot.Troubleshooting;
using Helpdesk.Bot.WebChat;
using Helpdesk.Skills.Knowledge;
using Helpdesk.Skills.Troubleshooting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bot.Tests.Infrastructure;

/// <summary>
/// The whole real helpdesk bot — every skill the host registers (troubleshooting, knowledge, password reset with the
/// embedded demo directory, talk to a person and handoff) — resolved from the host's own service registrations (the
/// same <c>AddXxx</c> calls as Program.cs, memory storage, nothing started) over a given conversation state. The only
/// stand-in is the knowledge index: the project's own articles, indexed once in memory for every test. The one place
/// tests construct the bot, so a new skill is picked up here by adding its <c>AddXxx</c> call only.
/// </summary>
internal static class TestHelpdeskBot
{
    /// <summary>The shipped flows, loaded once.</summary>
    public static FlowCatalog Flows { get; } = FlowCatalog.FromEmbedded();

    public static HelpdeskBot Create(ConversationState conversationState, BotTexts texts, IReadOnlyDictionary<string, string?>? settings = null) =>
        (HelpdeskBot)Services(conversationState, texts, settings).GetRequiredService<IBot>();

    /// <summary>The whole bot with <paramref name="intents"/> as the language-model intent fallback.</summary>
    public static HelpdeskBot Create(ConversationState conversationState, BotTexts texts, IntentFallback intents) =>
        (HelpdeskBot)Services(conversationState, texts, null, intents).GetRequiredService<IBot>();

    /// <summary>The host's services with <paramref name="conversationState"/> as the conversation state (never started: no server, no background work).</summary>
    public static IServiceProvider Services(ConversationState conversationState, BotTexts texts, IReadOnlyDictionary<string, string?>? settings = null, IntentFallback? intents = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = Path.Combine(RepositoryPaths.Root, "bot", "Helpdesk.Bot"),

            // Never built into a running host nor disposed: no file watchers (each would hold an inotify instance).
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Memory",
            ["Storage:DataDirectory"] = Path.GetTempPath(),
            ["Handoff:BusinessHours:AlwaysOpen"] = "true",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // The same features as Program.cs, in the same order.
        builder.AddHelpdeskBot();
        builder.AddBotFrameworkChannel();
        builder.AddTeams();
        builder.AddDirectLine();
        builder.AddSlack();
        builder.AddWebChat();
        builder.AddTroubleshooting();
        builder.AddKnowledgeBase();
        builder.AddLanguageModel();
        builder.AddPasswordReset();
        builder.AddHandoff();

        builder.Services.AddSingleton(conversationState);
        builder.Services.AddSingleton(texts);
        builder.Services.AddSingleton(TestKnowledge.Index);
        builder.Services.AddSingleton<IKnowledgeAvailability>(new AlwaysAvailable());
        if (intents is not null)
        {
            builder.Services.AddSingleton(intents);
        }

        return builder.Build().Services;
    }

    private sealed class AlwaysAvailable : IKnowledgeAvailability
    {
        public bool IsAvailable => true;
    }
}

using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Channels.Teams.Proactive;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.Cases;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Hosting;

/// <summary>The bot itself: storage, state, middleware, the turn pipeline, health checks and error handling.</summary>
internal static class BotHostingExtensions
{
    public static WebApplicationBuilder AddHelpdeskBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DataPaths>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? SqliteDatabase.ForFile(sp.GetRequiredService<DataPaths>().File("helpdesk.db"))
                : new SqliteDatabase(options.ConnectionString);
        });
        services.AddSingleton<IStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.UseMemory
                ? new MemoryStorage()
                : new SqliteStorage(
                    sp.GetRequiredService<SqliteDatabase>(),
                    sp.GetRequiredService<TimeProvider>(),
                    TimeSpan.FromMilliseconds(options.WriteBehindMilliseconds),
                    sp.GetRequiredService<ILoggerFactory>().CreateLogger<SqliteStorage>());
        });
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();

        // Turn middleware, in pipeline order.
        services.AddSingleton<IMiddleware, ConversationTurnLockMiddleware>();
        services.AddSingleton<IMiddleware>(sp => new ShowTypingMiddleware(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMiddleware>(sp => new AutoSaveStateMiddleware(
            sp.GetRequiredService<ConversationState>(), sp.GetRequiredService<UserState>()));
        services.AddSingleton<IMiddleware, RedactionMiddleware>();

        // Secret patterns: built in, from configuration (Redaction:Patterns), and those features register (reset links).
        services.AddSingleton<ISecretRedactor>(sp => new PatternSecretRedactor(
            (builder.Configuration.GetSection("Redaction:Patterns").Get<string[]>() ?? [])
                .Concat(sp.GetServices<PasswordReset.RedactionPattern>().Select(p => p.Pattern))));
        services.AddSingleton<ActivityRedactor>();
        services.AddSingleton<CaseFileAccessor>();

        // Proactive messages of every feature and channel: one reference store (with dead-marking), one sender.
        services.AddSingleton<IConversationReferenceStore, StorageConversationReferenceStore>();
        services.AddSingleton<ProactiveAdapters>();
        services.AddSingleton<ProactiveMessenger>();

        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<TurnPipeline>();
        services.AddOptions<ServiceDeskOptions>()
            .Bind(builder.Configuration.GetSection(ServiceDeskOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<BotTexts>();
        services.AddSingleton<MainDialog>();
        services.AddSingleton<IBot, HelpdeskBot>();

        services.AddHelpdeskProblemDetails();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [HealthApi.ReadyTag]);
        return builder;
    }
}

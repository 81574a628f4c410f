using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Handoff.Auth;
using Helpdesk.Bot.Handoff.Console;
using Helpdesk.Bot.Handoff.Dialogs;
using Helpdesk.Bot.Handoff.Itsm;
using Helpdesk.Bot.Handoff.Routing;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Bot.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Helpdesk.Bot.Handoff;

/// <summary>
/// Registers and maps the handoff: store (SQLite or PostgreSQL), transcript and routing middleware, the queue, the
/// agent console (<c>/agent</c>, its API and SignalR hub) with its sign-in, and the ticket connector.
/// </summary>
internal static class HandoffExtensions
{
    public static WebApplicationBuilder AddHandoff(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<HandoffOptions>()
            .Bind(builder.Configuration.GetSection(HandoffOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<HandoffOptions>, HandoffOptionsValidator>();

        services.AddSingleton<HandoffSqlDialect>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<HandoffOptions>>().Value;
            if (options.UsesPostgres)
            {
                return new PostgresHandoffDialect(NpgsqlDataSource.Create(options.ConnectionString!));
            }

            return sp.GetRequiredService<IOptions<StorageOptions>>().Value.UseMemory
                ? SqliteHandoffDialect.InMemory()
                : new SqliteHandoffDialect(sp.GetRequiredService<SqliteDatabase>());
        });
        services.AddSingleton<SqlHandoffStore>();
        services.AddSingleton<IHandoffStore>(sp => sp.GetRequiredService<SqlHandoffStore>());
        services.AddSingleton<IAgentStore>(sp => sp.GetRequiredService<SqlHandoffStore>());
        services.AddSingleton<ITranscriptBatchStore>(sp => sp.GetRequiredService<SqlHandoffStore>());

        // Transcripts are stored off the turn, in batches; drained when the host stops.
        services.AddSingleton(sp => new QueuedTranscriptStore(
            sp.GetRequiredService<ITranscriptBatchStore>(),
            sp.GetRequiredService<ILogger<QueuedTranscriptStore>>(),
            sp.GetRequiredService<TimeProvider>(),
            TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<StorageOptions>>().Value.WriteBehindMilliseconds)));
        services.AddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<QueuedTranscriptStore>());
        services.AddHostedService(sp => sp.GetRequiredService<QueuedTranscriptStore>());

        // Turn middleware, after RedactionMiddleware (registered by AddHelpdeskBot): record, then route.
        services.AddSingleton<IMiddleware, TranscriptMiddleware>();
        services.AddSingleton<IMiddleware, HandoffRoutingMiddleware>();
        services.AddSingleton<IMiddleware, TicketStatusMiddleware>();
        services.AddSingleton<IMiddleware, EscalationSignalsMiddleware>();
        services.AddSingleton<ITurnFailureObserver, BotErrorEscalation>();

        services.AddSingleton<HandoffTexts>();
        services.AddSingleton<HandoffContextBuilder>();
        services.AddItsm(builder.Configuration);
        services.AddSingleton<IHandoffNotifier, SignalRHandoffNotifier>();
        services.AddSingleton<HandoffService>();
        services.AddSingleton<IEscalationHandler, HandoffEscalationHandler>();
        services.AddSingleton<TalkToPersonDialog>();
        services.AddSingleton<HandoffQueueMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<HandoffQueueMonitor>());

        services.AddSignalR();
        builder.AddAgentAuthentication();
        return builder;
    }

    public static WebApplication MapHandoffApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.MapAgentConsolePages();
        app.MapAgentConsoleApi();
        app.MapHub<AgentHub>(AgentConsoleRoutes.Hub);
        return app;
    }
}

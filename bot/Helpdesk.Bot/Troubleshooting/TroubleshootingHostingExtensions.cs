using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.Incidents;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Helpdesk.Skills.Troubleshooting.UserDirectory;
using Helpdesk.Skills.Troubleshooting.Validation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Troubleshooting;

/// <summary>Guided troubleshooting: the flows, known incidents (feed file, SQLite store, admin API) and the dialog.</summary>
internal static class TroubleshootingHostingExtensions
{
    public static WebApplicationBuilder AddTroubleshooting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<TroubleshootingOptions>()
            .Bind(builder.Configuration.GetSection(TroubleshootingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TroubleshootingOptions>, TroubleshootingOptionsValidator>();
        services.AddOptions<IncidentsOptions>()
            .Bind(builder.Configuration.GetSection(IncidentsOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<IncidentsOptions>, IncidentsOptionsValidator>();

        services.AddSingleton<IFlowCatalog>(sp => CreateCatalog(sp));
        services.AddHostedService<FlowCatalogStartup>();

        services.AddSingleton<IIncidentStore>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.UseMemory
            ? new MemoryIncidentStore()
            : new SqliteIncidentStore(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton(sp => new KnownIncidents(sp.GetRequiredService<IIncidentStore>(), sp.GetRequiredService<TimeProvider>(), CreateFeed(sp)));
        services.AddSingleton<IKnownIncidents>(sp => sp.GetRequiredService<KnownIncidents>());
        // Updates to subscribers: the admin API wakes the dispatcher; it sends in the background (and sweeps for feed edits).
        services.AddSingleton<IncidentNotificationDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<IncidentNotificationDispatcher>());
        services.TryAddSingleton<IIncidentUpdateNotifier, ProactiveIncidentNotifier>();

        // A seam: a real directory (Entra ID / AD) replaces this by registering its own IUserDirectoryLookup.
        services.TryAddSingleton<IUserDirectoryLookup, NoUserDirectory>();

        services.AddSingleton(sp => new TroubleshootingDialog(
            sp.GetRequiredService<IFlowCatalog>(),
            sp.GetRequiredService<CaseFileAccessor>(),
            sp.GetRequiredService<IKnownIncidents>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<TroubleshootingOptions>>().Value,
            sp.GetRequiredService<IUserDirectoryLookup>(),
            sp.GetService<IKnowledgeSearch>(),
            sp.GetRequiredService<ISecretRedactor>()));
        return builder;
    }

    private static FlowCatalog CreateCatalog(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<TroubleshootingOptions>>().Value;
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FlowCatalog));
        var time = sp.GetRequiredService<TimeProvider>();
        var catalog = string.IsNullOrWhiteSpace(options.FlowsDirectory)
            ? FlowCatalog.FromEmbedded(time)
            : FlowCatalog.FromDirectory(
                Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.FlowsDirectory),
                options.WatchFlowsDirectory,
                time);
        Report(logger, catalog, catalog.Problems);
        catalog.Loaded += (_, problems) => Report(logger, catalog, problems);
        return catalog;
    }

    private static void Report(ILogger logger, FlowCatalog catalog, IReadOnlyList<FlowProblem> problems)
    {
        foreach (var problem in problems)
        {
            if (problem.IsError)
            {
                logger.LogError("Troubleshooting flow problem (the flow is not loaded): {Problem}", problem.ToString());
            }
            else
            {
                logger.LogWarning("Troubleshooting flow warning: {Problem}", problem.ToString());
            }
        }

        logger.LogInformation("Troubleshooting: {Count} flows loaded from {Source}", catalog.Flows.Count, catalog.Directory ?? "the built-in set");
    }

    private static IncidentFileFeed? CreateFeed(IServiceProvider sp)
    {
        var path = sp.GetRequiredService<IOptions<IncidentsOptions>>().Value.FeedPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var feed = new IncidentFileFeed(Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, path));
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IncidentFileFeed));
        feed.ProblemsFound += (_, problems) =>
        {
            foreach (var problem in problems)
            {
                logger.LogWarning("Incidents feed {Path}: {Problem}", feed.Path, problem);
            }
        };
        return feed;
    }
}

using Helpdesk.KnowledgeIndex;
using Helpdesk.KnowledgeIndex.Articles;
using Helpdesk.Skills.Knowledge;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// Brings the knowledge base up without holding start-up: creates the feedback schema, rebuilds the index from the
/// article folders in the background (atomically: searches keep the previous index until the new one is committed),
/// then watches the folders and rebuilds after changes settle. Start-up waits for the build only when there is no
/// index at all yet (first run), and at most <see cref="KnowledgeOptions.StartupWaitSeconds"/>; <c>/readyz</c>
/// reports the state.
/// </summary>
internal sealed class KnowledgeBaseService(
    KnowledgeBase knowledgeBase,
    KnowledgePaths paths,
    KnowledgeIndexStatus status,
    IKnowledgeFeedbackStore feedback,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeBaseService> logger) : IHostedService, IDisposable
{
    private Task? _build;
    private ArticleWatcher? _watcher;
    private volatile bool _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await feedback.InitializeAsync(cancellationToken);

        var existing = knowledgeBase.GetStats().Articles;
        if (existing > 0)
        {
            status.ExistingIndexFound(existing);
        }

        var directories = paths.ArticleDirectories;
        _build = Task.Run(() => BuildAndWatch(directories), CancellationToken.None);
        if (existing == 0)
        {
            var wait = TimeSpan.FromSeconds(options.Value.StartupWaitSeconds);
            if (await Task.WhenAny(_build, Task.Delay(wait, time, cancellationToken)) != _build)
            {
                logger.LogWarning("The first knowledge index is still being built after {Seconds} s; starting without it (/readyz reports when it is ready).", wait.TotalSeconds);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _watcher?.Dispose();
        if (_build is not null)
        {
            await _build.WaitAsync(cancellationToken);
        }
    }

    public void Dispose() => _watcher?.Dispose();

    private void BuildAndWatch(IReadOnlyList<string> directories)
    {
        try
        {
            var result = knowledgeBase.Reindex(directories);
            Report(result);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            status.Failed(ex.GetType().Name + ": " + ex.Message);
            logger.LogError("Building the knowledge index from {Directories} failed: {Error}", string.Join(", ", directories), ex.Message);
        }

        var settings = options.Value;
        if (!settings.WatchArticles || _stopping)
        {
            return;
        }

        try
        {
            _watcher = new ArticleWatcher(knowledgeBase, directories, TimeSpan.FromMilliseconds(settings.WatchDebounceMilliseconds), time);
            _watcher.Rebuilt += (_, result) => Report(result);
            _watcher.Failed += (_, ex) =>
            {
                status.Failed(ex.GetType().Name + ": " + ex.Message);
                logger.LogError("Rebuilding the knowledge index after an article change failed (the previous index still answers): {Error}", ex.Message);
            };
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException)
        {
            logger.LogWarning("Not watching the article folders for changes ({Error}); restart the bot to pick up edits.", ex.Message);
        }
    }

    private void Report(ReindexResult result)
    {
        status.Built(result);
        foreach (var problem in result.Problems)
        {
            var message = problem.ToString();
            if (problem.Severity == ProblemSeverity.Error)
            {
                logger.LogWarning("Article skipped: {Problem}", message);
            }
            else
            {
                logger.LogInformation("Article warning: {Problem}", message);
            }
        }

        logger.LogInformation(
            "Knowledge index built: {Articles} articles in {Seconds:0.00} s ({Skipped} skipped)",
            result.Build.Articles,
            result.Build.Elapsed.TotalSeconds,
            result.Skipped);
    }
}

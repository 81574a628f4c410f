using System.Globalization;
using Helpdesk.Bot.Hosting;
using Helpdesk.KnowledgeIndex;
using Helpdesk.KnowledgeIndex.Semantic;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Knowledge;

/// <summary>
/// With <see cref="KnowledgeOptions.SemanticRerank"/> on: attaches a <see cref="SemanticReranker"/> to the knowledge
/// base and embeds the articles in the background after every reindex (coalesced: several rebuilds in a row cause
/// one more preparation, not one each). Searches stay lexical for any question whose candidates are not embedded
/// yet, so nothing waits for the model. A model that fails to load or encode is logged and the bot stays lexical.
/// </summary>
internal sealed class KnowledgeSemanticService(
    KnowledgeBase knowledgeBase,
    KnowledgePaths paths,
    ITextEncoder encoder,
    IOptions<KnowledgeOptions> options,
    IOptions<StorageOptions> storage,
    ILogger<KnowledgeSemanticService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _signal = new(0, 1);
    private SemanticReranker? _reranker;
    private Task? _worker;

    /// <summary>The attached reranker (null when the option is off).</summary>
    public SemanticReranker? Reranker => _reranker;

    /// <summary>The last finished preparation (null before the first), for diagnostics.</summary>
    public SemanticPreparation? LastPreparation { get; private set; }

    /// <summary>Why the last preparation failed, when it did (cleared by the next success).</summary>
    public string? LastError { get; private set; }

    /// <summary>Set when the index holds more articles than <see cref="KnowledgeOptions.SemanticRerankMaxArticles"/> (cleared when it no longer does).</summary>
    public int? TooManyArticles { get; private set; }

    /// <summary>One sentence for the readiness report, or null when the rerank is off.</summary>
    public string? Describe()
    {
        if (_reranker is null)
        {
            return null;
        }

        var indexed = knowledgeBase.GetStats().Articles;
        if (TooManyArticles is { } count)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Semantic rerank: off for {count} articles (Knowledge:SemanticRerankMaxArticles is {options.Value.SemanticRerankMaxArticles}); answers in lexical order.");
        }

        return (LastError, _reranker.Articles) switch
        {
            ({ } error, _) => "Semantic rerank: embedding failed (" + error + "); answers in lexical order.",
            (_, var ready) when ready == indexed && LastPreparation is not null => string.Create(CultureInfo.InvariantCulture, $"Semantic rerank: ready ({ready} articles)."),
            _ => "Semantic rerank: embedding the articles in the background; answers in lexical order until done.",
        };
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.SemanticRerank)
        {
            return Task.CompletedTask;
        }

        _reranker = new SemanticReranker(encoder, cachePath: storage.Value.UseMemory ? null : paths.SemanticVectors);
        knowledgeBase.Semantic = _reranker;
        knowledgeBase.Reindexed += OnReindexed;
        _worker = Task.Run(WorkAsync, CancellationToken.None);
        Signal();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        knowledgeBase.Reindexed -= OnReindexed;
        await _stopping.CancelAsync();
        if (_worker is not null)
        {
            await _worker.WaitAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Stops the worker (the container disposes the model). The token source and the semaphore are left to the GC on purpose:
    /// neither holds a wait handle or timer here, and the host may call <see cref="StopAsync"/> after this.
    /// </summary>
    public void Dispose()
    {
        knowledgeBase.Reindexed -= OnReindexed;
        _stopping.Cancel();
    }

    private void OnReindexed(object? sender, ReindexResult result) => Signal();

    private void Signal()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A preparation is already pending; it will see the newest index.
        }
    }

    private async Task WorkAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var articles = knowledgeBase.ListArticles();
                if (articles.Count == 0)
                {
                    continue;
                }

                if (articles.Count > options.Value.SemanticRerankMaxArticles)
                {
                    // Nothing stale may rerank: a reranker prepared for fewer articles keeps every question whose
                    // candidates it lacks in lexical order, but detach it anyway so the whole library ranks alike.
                    knowledgeBase.Semantic = null;
                    TooManyArticles = articles.Count;
                    logger.LogWarning(
                        "Semantic rerank off: {Articles} articles is more than Knowledge:SemanticRerankMaxArticles ({Max}); answers stay in lexical order",
                        articles.Count,
                        options.Value.SemanticRerankMaxArticles);
                    continue;
                }

                TooManyArticles = null;
                knowledgeBase.Semantic = _reranker;
                var prepared = _reranker!.Prepare(articles, _stopping.Token);
                if (prepared.CacheProblem is { } problem)
                {
                    logger.LogWarning("Semantic vector cache not used: {Problem}", problem);
                }

                logger.LogInformation(
                    "Semantic rerank ready: {Articles} articles, {Passages} passages ({Encoded} embedded now) in {Seconds:0.0} s; model: {Model}",
                    prepared.Articles,
                    prepared.Passages,
                    prepared.Encoded,
                    prepared.Elapsed.TotalSeconds,
                    (encoder as ArcticXsEncoder)?.LoadedFrom ?? encoder.ModelId);
                LastPreparation = prepared;
                LastError = null;
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LastError = ex.GetType().Name + ": " + ex.Message;
                logger.LogError("Embedding the knowledge articles failed; answers stay in lexical order: {Error}", ex.Message);
            }
        }
    }
}

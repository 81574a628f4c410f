using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.Configuration;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>
/// One OpenID metadata document and its signing keys, held by a <see cref="ConfigurationManager{T}"/> (cached,
/// refreshed automatically). When a token names a key the cache does not know (the issuer rotated its keys),
/// <see cref="RefreshAsync"/> asks the manager for fresh metadata and waits for it — at most once per
/// <see cref="BotFrameworkOptions.OpenIdMetadataMinimumRefreshInterval"/>, so forged key ids cannot hammer the issuer.
/// </summary>
internal sealed class OpenIdMetadata : IConfigurationEventHandler<OpenIdConnectConfiguration>
{
    /// <summary>How long a token waits for forced-refresh metadata before it is judged with the keys at hand.</summary>
    public static readonly TimeSpan RefreshWait = TimeSpan.FromSeconds(10);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _minimumRefreshInterval;
    private readonly Lock _gate = new();
    private TaskCompletionSource<OpenIdConnectConfiguration> _nextUpdate = NewUpdateSource();
    private Task<OpenIdConnectConfiguration>? _pendingRefresh;
    private DateTimeOffset _lastRefresh = DateTimeOffset.MinValue;

    public OpenIdMetadata(string address, IDocumentRetriever documentRetriever, BotFrameworkOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        Address = address;
        _timeProvider = timeProvider;
        _minimumRefreshInterval = options.OpenIdMetadataMinimumRefreshInterval;
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(address, new OpenIdConnectConfigurationRetriever(), documentRetriever)
        {
            AutomaticRefreshInterval = options.OpenIdMetadataRefreshInterval,
            RefreshInterval = options.OpenIdMetadataMinimumRefreshInterval,
            ConfigurationEventHandler = this,
        };
    }

    public string Address { get; }

    /// <summary>The cached metadata (fetched on first use, refreshed in the background when due).</summary>
    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) =>
        _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>
    /// Fresh metadata after the issuer may have rotated its keys; the cached metadata when a refresh ran too
    /// recently or did not finish within <see cref="RefreshWait"/>.
    /// </summary>
    public async Task<OpenIdConnectConfiguration> RefreshAsync(CancellationToken cancellationToken)
    {
        Task<OpenIdConnectConfiguration> update;
        lock (_gate)
        {
            var now = _timeProvider.GetUtcNow();
            if (_pendingRefresh is { IsCompleted: false } && now - _lastRefresh < RefreshWait)
            {
                update = _pendingRefresh;
            }
            else if (now - _lastRefresh < _minimumRefreshInterval)
            {
                update = _manager.GetConfigurationAsync(cancellationToken);
            }
            else
            {
                _lastRefresh = now;
                update = _pendingRefresh = _nextUpdate.Task;
                _manager.RequestRefresh();
            }
        }

        try
        {
            return await update.WaitAsync(RefreshWait, _timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            return await _manager.GetConfigurationAsync(cancellationToken);
        }
    }

    Task<ConfigurationEventHandlerResult<OpenIdConnectConfiguration>> IConfigurationEventHandler<OpenIdConnectConfiguration>.BeforeRetrieveAsync(
        string metadataAddress, CancellationToken cancellationToken) =>
        Task.FromResult(ConfigurationEventHandlerResult<OpenIdConnectConfiguration>.NoResult);

    Task IConfigurationEventHandler<OpenIdConnectConfiguration>.AfterUpdateAsync(
        string metadataAddress, OpenIdConnectConfiguration configuration, CancellationToken cancellationToken)
    {
        TaskCompletionSource<OpenIdConnectConfiguration> completed;
        lock (_gate)
        {
            completed = _nextUpdate;
            _nextUpdate = NewUpdateSource();
        }

        completed.TrySetResult(configuration);
        return Task.CompletedTask;
    }

    private static TaskCompletionSource<OpenIdConnectConfiguration> NewUpdateSource() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}

using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Azure.Core;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>
/// Puts an Entra ID access token (from an Azure.Identity <see cref="TokenCredential"/>: managed identity, workload
/// identity, Azure CLI…) in <c>Authorization: Bearer</c> on every request to the model endpoint. The token is cached
/// and fetched again <see cref="RefreshBefore"/> its expiry. (The options validator allows plain http only on
/// loopback, so a token never leaves the machine unencrypted.)
/// </summary>
internal sealed class EntraIdTokenPolicy(TokenCredential credential, string scope, TimeProvider time) : AuthenticationPolicy
{
    /// <summary>How long before expiry a cached token is replaced.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    // A reference (swapped whole) so a concurrent reader never sees half of a token.
    private volatile StrongBox<AccessToken>? _token;

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Set("Authorization", "Bearer " + TokenAsync(message.CancellationToken, async: false).AsTask().GetAwaiter().GetResult());
        ProcessNext(message, pipeline, currentIndex);
    }

    public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.Set("Authorization", "Bearer " + await TokenAsync(message.CancellationToken, async: true));
        await ProcessNextAsync(message, pipeline, currentIndex);
    }

    private async ValueTask<string> TokenAsync(CancellationToken cancellationToken, bool async)
    {
        // Two requests racing at expiry may both fetch a token; Azure.Identity caches them too, so that is harmless.
        if (_token?.Value is { } cached && cached.ExpiresOn - RefreshBefore > time.GetUtcNow())
        {
            return cached.Token;
        }

        var context = new TokenRequestContext([scope]);
        var token = async ? await credential.GetTokenAsync(context, cancellationToken) : credential.GetToken(context, cancellationToken);
        _token = new StrongBox<AccessToken>(token);
        return token.Token;
    }
}

using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// The channel adapters that can message a user proactively, by name: a conversation reference is stored with the
/// name of the adapter its conversation came through (<see cref="NameOf"/>), and a later message goes back through
/// that adapter (<see cref="Get"/>). Channels register with <see cref="ProactiveAdapterExtensions.AddProactiveAdapter{TAdapter}"/>.
/// </summary>
internal sealed class ProactiveAdapters(IEnumerable<ProactiveAdapterRegistration> registrations, IServiceProvider services)
{
    private readonly ProactiveAdapterRegistration[] _registrations = [.. registrations];

    /// <summary>The registered name of <paramref name="adapter"/>'s type, or null when it cannot send proactively.</summary>
    public string? NameOf(BotAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        var type = adapter.GetType();
        return _registrations.FirstOrDefault(r => r.AdapterType == type)?.Name;
    }

    /// <summary>The adapter registered as <paramref name="name"/>; throws when none is.</summary>
    public BotAdapter Get(string name)
    {
        var registration = _registrations.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No channel adapter named '{name}' is registered for proactive messages.");
        return (BotAdapter)services.GetRequiredService(registration.AdapterType);
    }

    /// <summary>
    /// Runs <paramref name="callback"/> in a proactive turn of the conversation in <paramref name="reference"/>,
    /// through the adapter named <paramref name="adapterName"/> (the full middleware pipeline runs, as for any turn).
    /// </summary>
    public Task ContinueConversationAsync(string adapterName, Core.Schema.ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        Get(adapterName).ContinueConversationAsync(reference, callback, cancellationToken);
}

using Helpdesk.Bot.Core.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Helpdesk.Bot.Hosting;

/// <summary>Registration of channel adapters for proactive messages.</summary>
internal static class ProactiveAdapterExtensions
{
    /// <summary>Makes <typeparamref name="TAdapter"/> (already registered as a singleton) reachable as <paramref name="name"/>.</summary>
    public static IServiceCollection AddProactiveAdapter<TAdapter>(this IServiceCollection services, string name)
        where TAdapter : BotAdapter
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddSingleton(new ProactiveAdapterRegistration(name, typeof(TAdapter)));
        services.TryAddSingleton<ProactiveAdapters>();
        return services;
    }
}

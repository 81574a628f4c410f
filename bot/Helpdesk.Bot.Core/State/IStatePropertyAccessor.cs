using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.State;

/// <summary>Reads and writes one named property of a <see cref="BotState"/> within a turn.</summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>The value; when absent, the value from <paramref name="defaultValueFactory"/> (stored), or default.</summary>
    Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default);
}

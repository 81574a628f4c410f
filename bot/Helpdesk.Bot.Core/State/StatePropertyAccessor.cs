using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Core.State;

internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public Task<T?> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default) =>
        state.GetPropertyAsync(turnContext, Name, defaultValueFactory, cancellationToken);

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default) =>
        state.SetPropertyAsync(turnContext, Name, value, cancellationToken);

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        state.DeletePropertyAsync(turnContext, Name, cancellationToken);
}

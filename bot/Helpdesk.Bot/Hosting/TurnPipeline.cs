using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Hosting;

/// <summary>
/// The middleware and error handling every channel adapter shares. Each adapter calls <see cref="Attach"/> once,
/// so a turn behaves the same whichever channel it came from.
/// </summary>
internal sealed class TurnPipeline(IEnumerable<IMiddleware> middleware, TurnErrorHandler errorHandler, IBot bot)
{
    private readonly IMiddleware[] _middleware = [.. middleware];

    public IBot Bot { get; } = bot;

    public void Attach(BotAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        foreach (var item in _middleware)
        {
            adapter.Use(item);
        }

        adapter.OnTurnError = errorHandler.HandleAsync;
    }
}

using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Turns;

/// <summary>
/// Sees (and may change) outgoing activities before they leave; call <paramref name="next"/> to send them.
/// Used by transcript and redaction middleware.
/// </summary>
public delegate Task<ResourceResponse[]> SendActivitiesHandler(
    ITurnContext turnContext,
    IReadOnlyList<Activity> activities,
    Func<Task<ResourceResponse[]>> next);

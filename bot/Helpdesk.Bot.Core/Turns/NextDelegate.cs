namespace Helpdesk.Bot.Core.Turns;

/// <summary>Continues the middleware pipeline.</summary>
public delegate Task NextDelegate(CancellationToken cancellationToken);

namespace Helpdesk.Bot.Core.Turns;

/// <summary>The code a pipeline runs after its middleware: usually <see cref="IBot.OnTurnAsync"/>.</summary>
public delegate Task BotCallbackHandler(ITurnContext turnContext, CancellationToken cancellationToken);

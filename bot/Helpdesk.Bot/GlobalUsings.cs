// The bot's turn middleware, not ASP.NET Core's request middleware of the same name.
global using IMiddleware = Helpdesk.Bot.Core.Turns.IMiddleware;

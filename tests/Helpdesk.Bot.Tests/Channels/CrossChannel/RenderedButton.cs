using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Tests.Channels.CrossChannel;

/// <summary>A button as the channel shows it, and the activity the bot receives when the user clicks it.</summary>
internal sealed record RenderedButton(string Title, Func<Activity?> Click);

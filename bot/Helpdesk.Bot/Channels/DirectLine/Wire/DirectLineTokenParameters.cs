using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.DirectLine.Wire;

/// <summary>
/// Optional body of <c>tokens/generate</c> and <c>conversations</c>: the user to bind (<c>{"user":{"id","name"}}</c>)
/// and, on start, the locale. <c>trustedOrigins</c> is accepted and ignored.
/// </summary>
internal sealed record DirectLineTokenParameters(ChannelAccount? User, string? Locale);

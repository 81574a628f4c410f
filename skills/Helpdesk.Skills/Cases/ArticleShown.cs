using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Skills.Cases;

/// <summary>A knowledge article shown to the user, with the query that found it and the user's feedback.</summary>
/// <param name="ArticleId">The article's id (<c>/kb/{id}</c>).</param>
/// <param name="Title">Its title.</param>
/// <param name="Query">What the user asked.</param>
/// <param name="Helped">True/false once the user answered "Did this solve it?", else null.</param>
/// <param name="At">When it was shown.</param>
public sealed record ArticleShown(string ArticleId, string Title, string Query, bool? Helped, DateTimeOffset At) : IImmutableJsonValue;

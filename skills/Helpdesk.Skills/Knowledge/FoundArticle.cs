namespace Helpdesk.Skills.Knowledge;

/// <summary>A confident answer as kept in dialog state between turns (no article body).</summary>
/// <param name="Id">Article id.</param>
/// <param name="Rank">1 = the best match.</param>
/// <param name="Confidence">0–1.</param>
/// <param name="TicketCategory">The ticket category if the user ends up needing a person (see <see cref="TicketCategories"/>).</param>
/// <param name="Card">What the card shows.</param>
public sealed record FoundArticle(string Id, int Rank, double Confidence, string TicketCategory, ArticleCardItem Card);

namespace Helpdesk.Skills.Knowledge;

/// <summary>An article the dialog showed, as kept in dialog state until the user says whether it helped.</summary>
/// <param name="Id">Article id.</param>
/// <param name="Title">Title as shown.</param>
/// <param name="Category">The article's category, for the escalation's ticket category.</param>
/// <param name="ImpressionId">The feedback store's id for this showing.</param>
public sealed record ShownArticle(string Id, string Title, string? Category, long ImpressionId);

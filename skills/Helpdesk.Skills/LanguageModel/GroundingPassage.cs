namespace Helpdesk.Skills.LanguageModel;

/// <summary>One retrieved help-article passage a grounded answer may use.</summary>
/// <param name="ArticleId">The article's id (its page is <c>/kb/{id}</c>); the only thing an answer may cite.</param>
/// <param name="Title">The article's title.</param>
/// <param name="Text">Plain text from the article: its summary and body, cut to a bounded length.</param>
public sealed record GroundingPassage(string ArticleId, string Title, string Text);

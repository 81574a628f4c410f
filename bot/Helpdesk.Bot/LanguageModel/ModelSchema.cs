namespace Helpdesk.Bot.LanguageModel;

/// <summary>The JSON schema a reply must follow (for <c>response_format: json_schema</c>), by name.</summary>
/// <param name="Name">The schema's name (letters, digits, <c>_</c>).</param>
/// <param name="Json">The schema.</param>
internal sealed record ModelSchema(string Name, string Json);

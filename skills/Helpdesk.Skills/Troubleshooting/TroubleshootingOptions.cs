using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Skills.Troubleshooting;

/// <summary>Guided troubleshooting. Section <c>Troubleshooting</c>.</summary>
public sealed class TroubleshootingOptions
{
    public const string SectionName = "Troubleshooting";

    /// <summary>
    /// A folder of flow files (<c>*.yaml</c>) to use instead of the flows built into the bot, relative to the content
    /// root unless absolute; empty = the built-in flows.
    /// </summary>
    public string? FlowsDirectory { get; set; }

    /// <summary>Reload the flows when a file in <see cref="FlowsDirectory"/> changes (no restart needed).</summary>
    public bool WatchFlowsDirectory { get; set; } = true;

    /// <summary>
    /// How to link a KB article a step refers to, with <c>{id}</c> for its id (e.g. <c>https://support.contoso.com/kb/{id}</c>);
    /// empty = name the article without a link.
    /// </summary>
    [RegularExpression(@"^\S*\{id\}\S*$", ErrorMessage = "Troubleshooting:ArticleLinkFormat must contain {{id}} and no spaces, e.g. https://support.contoso.com/kb/{{id}}.")]
    public string? ArticleLinkFormat { get; set; }

    /// <summary>Answers in a row the bot can't match before it hands over instead of asking again.</summary>
    [Range(1, 10, ErrorMessage = "Troubleshooting:MaxUnrecognizedAnswers must be from 1 to 10.")]
    public int MaxUnrecognizedAnswers { get; set; } = 3;

    /// <summary>How many articles a <c>search_kb</c> step shows.</summary>
    [Range(1, 5, ErrorMessage = "Troubleshooting:SearchResults must be from 1 to 5.")]
    public int SearchResults { get; set; } = 3;
}

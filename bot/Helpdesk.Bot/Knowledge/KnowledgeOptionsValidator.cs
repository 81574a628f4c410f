using Helpdesk.Bot.Hosting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Knowledge;

/// <summary>Checks what data annotations cannot: the article folders exist, the base URL is an absolute http(s) URL, an admin key is long enough and the feedback retention is sensible.</summary>
internal sealed class KnowledgeOptionsValidator(IHostEnvironment environment) : IValidateOptions<KnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options.ArticleDirectories, nameof(KnowledgeOptions.ArticleDirectories));
        Check(options.ExtraArticleDirectories, nameof(KnowledgeOptions.ExtraArticleDirectories));
        if (options.ArticleDirectories.Count == 0 && KnowledgePaths.DefaultArticles(environment) is null)
        {
            failures.Add(
                "Knowledge:ArticleDirectories is empty and the project's own articles were found neither at " +
                $"{KnowledgePaths.RepositoryArticles(environment)} nor at {KnowledgePaths.CopiedArticles}: set Knowledge:ArticleDirectories.");
        }

        if (!string.IsNullOrWhiteSpace(options.ArticleBaseUrl)
            && (!Uri.TryCreate(options.ArticleBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            failures.Add($"Knowledge:ArticleBaseUrl must be an absolute http(s) URL such as https://help.contoso.com (got '{options.ArticleBaseUrl}').");
        }

        if (!string.IsNullOrEmpty(options.AdminApiKey) && options.AdminApiKey.Trim().Length < IAdminApiKeyOptions.MinimumKeyLength)
        {
            failures.Add($"Knowledge:AdminApiKey must be at least {IAdminApiKeyOptions.MinimumKeyLength} characters (a random key, e.g. from `openssl rand -base64 32`), or empty to switch the knowledge admin API off.");
        }

        if (options.FeedbackRetention < TimeSpan.FromDays(1) || options.FeedbackRetention > TimeSpan.FromDays(3660))
        {
            failures.Add($"Knowledge:FeedbackRetention must be between 1.00:00:00 (a day) and 3660.00:00:00 (ten years) (got {options.FeedbackRetention}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Check(IList<string> directories, string setting)
        {
            for (var i = 0; i < directories.Count; i++)
            {
                var directory = directories[i];
                if (string.IsNullOrWhiteSpace(directory))
                {
                    failures.Add($"Knowledge:{setting}:{i} is empty.");
                }
                else if (!Directory.Exists(KnowledgePaths.Resolve(environment, directory)))
                {
                    failures.Add($"Knowledge:{setting}:{i} '{directory}' does not exist (resolved to {KnowledgePaths.Resolve(environment, directory)}).");
                }
            }
        }
    }
}

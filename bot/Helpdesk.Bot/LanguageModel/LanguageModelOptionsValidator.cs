using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.LanguageModel;

/// <summary>Checks <see cref="LanguageModelOptions"/> at start; each failure names the setting.</summary>
internal sealed partial class LanguageModelOptionsValidator : IValidateOptions<LanguageModelOptions>
{
    public ValidateOptionsResult Validate(string? name, LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!options.IsEnabled)
        {
            if (!string.IsNullOrWhiteSpace(options.ApiKey) || !string.IsNullOrWhiteSpace(options.Model) || options.UseEntraId)
            {
                failures.Add("LanguageModel:Endpoint is required when LanguageModel:Model, ApiKey or UseEntraId is set (e.g. https://<resource>.openai.azure.com/openai/v1/); leave the whole section empty to run without a model.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment) || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            failures.Add("LanguageModel:Endpoint must be an absolute http(s) URL without query or credentials, e.g. https://<resource>.openai.azure.com/openai/v1/.");
        }
        else if (endpoint.Scheme == "http" && !endpoint.IsLoopback)
        {
            failures.Add("LanguageModel:Endpoint must use https (plain http only on this machine, e.g. a local model server).");
        }

        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("LanguageModel:Model is required (on Azure OpenAI: the deployment name).");
        }

        var hasKey = !string.IsNullOrWhiteSpace(options.ApiKey);
        if (hasKey == options.UseEntraId)
        {
            failures.Add("Set exactly one of LanguageModel:ApiKey and LanguageModel:UseEntraId=true.");
        }

        if (hasKey && !HeaderName().IsMatch(options.ApiKeyHeader ?? string.Empty))
        {
            failures.Add("LanguageModel:ApiKeyHeader must be a header name: Authorization (the default, Bearer) or e.g. api-key (Azure OpenAI's own header).");
        }

        if (options.UseEntraId && string.IsNullOrWhiteSpace(options.EntraIdScope))
        {
            failures.Add("LanguageModel:EntraIdScope is required with UseEntraId (Azure OpenAI: " + LanguageModelOptions.AzureOpenAIScope + ").");
        }

        if (options.Timeout < TimeSpan.FromSeconds(1) || options.Timeout > TimeSpan.FromSeconds(60))
        {
            failures.Add("LanguageModel:Timeout must be between 00:00:01 and 00:01:00.");
        }

        if (options.MaxRetryWait < TimeSpan.Zero || options.MaxRetryWait >= options.Timeout)
        {
            failures.Add("LanguageModel:MaxRetryWait must be zero or more and shorter than LanguageModel:Timeout.");
        }

        if (options.MaxTokens is < 16 or > 8192)
        {
            failures.Add("LanguageModel:MaxTokens must be between 16 and 8192.");
        }

        if (options.Temperature is < 0 or > 2 || double.IsNaN(options.Temperature))
        {
            failures.Add("LanguageModel:Temperature must be between 0 and 2.");
        }

        if (options.MaxPassages is < 1 or > 5)
        {
            failures.Add("LanguageModel:MaxPassages must be between 1 and 5.");
        }

        if (!Enum.IsDefined(options.StructuredOutput))
        {
            failures.Add("LanguageModel:StructuredOutput must be JsonSchema, JsonObject or None.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();
}

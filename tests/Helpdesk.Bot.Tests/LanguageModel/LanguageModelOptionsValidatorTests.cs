using Helpdesk.Bot.LanguageModel;

namespace Helpdesk.Bot.Tests.LanguageModel;

public sealed class LanguageModelOptionsValidatorTests
{
    private readonly LanguageModelOptionsValidator _validator = new();

    [Fact]
    public void Validate_Empty_SucceedsAndIsOff()
    {
        var options = new LanguageModelOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.False(options.IsEnabled);
    }

    [Theory]
    [InlineData("https://contoso-ai.openai.azure.com/openai/v1/", "key", false, null)]
    [InlineData("http://localhost:11434/v1/", "key", false, null)]
    [InlineData("https://contoso-ai.openai.azure.com/openai/v1/", null, true, null)]
    [InlineData("https://contoso-ai.openai.azure.com/openai/v1/", "key", false, "api-key")]
    public void Validate_Good_Succeeds(string endpoint, string? key, bool entra, string? header)
    {
        var options = new LanguageModelOptions { Endpoint = endpoint, Model = "gpt-4o-mini", ApiKey = key, UseEntraId = entra };
        if (header is not null)
        {
            options.ApiKeyHeader = header;
        }

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(nameof(LanguageModelOptions.Endpoint), "ftp://contoso/", "LanguageModel:Endpoint must be an absolute http(s) URL")]
    [InlineData(nameof(LanguageModelOptions.Endpoint), "https://contoso/openai/v1/?api-version=2024-10-21", "without query")]
    [InlineData(nameof(LanguageModelOptions.Endpoint), "https://user:pw@contoso/openai/v1/", "without query or credentials")]
    [InlineData(nameof(LanguageModelOptions.Endpoint), "http://contoso-ai.openai.azure.com/openai/v1/", "LanguageModel:Endpoint must use https")]
    [InlineData(nameof(LanguageModelOptions.Model), "", "LanguageModel:Model is required")]
    [InlineData(nameof(LanguageModelOptions.ApiKey), "", "Set exactly one of LanguageModel:ApiKey and LanguageModel:UseEntraId=true")]
    [InlineData(nameof(LanguageModelOptions.UseEntraId), "true", "Set exactly one of LanguageModel:ApiKey and LanguageModel:UseEntraId=true")]
    [InlineData(nameof(LanguageModelOptions.ApiKeyHeader), "api key", "LanguageModel:ApiKeyHeader must be a header name")]
    [InlineData(nameof(LanguageModelOptions.Timeout), "00:00:00.500", "LanguageModel:Timeout must be between")]
    [InlineData(nameof(LanguageModelOptions.MaxRetryWait), "00:00:09", "LanguageModel:MaxRetryWait must be zero or more and shorter than LanguageModel:Timeout")]
    [InlineData(nameof(LanguageModelOptions.MaxTokens), "1", "LanguageModel:MaxTokens must be between 16 and 8192")]
    [InlineData(nameof(LanguageModelOptions.Temperature), "3", "LanguageModel:Temperature must be between 0 and 2")]
    [InlineData(nameof(LanguageModelOptions.MaxPassages), "0", "LanguageModel:MaxPassages must be between 1 and 5")]
    public void Validate_Bad_FailsNamingTheSetting(string setting, string value, string message)
    {
        var options = new LanguageModelOptions { Endpoint = "https://contoso-ai.openai.azure.com/openai/v1/", Model = "gpt-4o-mini", ApiKey = "key" };
        switch (setting)
        {
            case nameof(LanguageModelOptions.Endpoint): options.Endpoint = value; break;
            case nameof(LanguageModelOptions.Model): options.Model = value; break;
            case nameof(LanguageModelOptions.ApiKey): options.ApiKey = value; break;
            case nameof(LanguageModelOptions.UseEntraId): options.UseEntraId = true; break;
            case nameof(LanguageModelOptions.ApiKeyHeader): options.ApiKeyHeader = value; break;
            case nameof(LanguageModelOptions.Timeout): options.Timeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case nameof(LanguageModelOptions.MaxRetryWait): options.MaxRetryWait = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case nameof(LanguageModelOptions.MaxTokens): options.MaxTokens = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case nameof(LanguageModelOptions.Temperature): options.Temperature = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case nameof(LanguageModelOptions.MaxPassages): options.MaxPassages = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyWithoutEndpoint_FailsNamingEndpoint()
    {
        var result = _validator.Validate(null, new LanguageModelOptions { ApiKey = "key" });

        Assert.Contains("LanguageModel:Endpoint is required", result.FailureMessage, StringComparison.Ordinal);
    }
}

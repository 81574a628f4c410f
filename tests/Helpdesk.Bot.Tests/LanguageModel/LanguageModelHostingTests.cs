using Helpdesk.Bot.LanguageModel;
using Helpdesk.Bot.Tests.Handoff;
using Helpdesk.Skills.LanguageModel;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Tests.LanguageModel;

/// <summary>The optional language model in the real host: off by default, on with an endpoint, bad settings stop the start with a clear message.</summary>
public sealed class LanguageModelHostingTests
{
    [Fact]
    public async Task Host_NoConfiguration_EverySeamHasItsNoModelImplementation()
    {
        await using var host = new HandoffTestHost();

        Assert.IsType<NoGroundedAnswerer>(host.Services.GetRequiredService<IGroundedAnswerer>());
        Assert.IsType<NoIntentClassifier>(host.Services.GetRequiredService<IIntentClassifier>());
        Assert.IsType<NoHandoffSummaryWriter>(host.Services.GetRequiredService<IHandoffSummaryWriter>());
        Assert.False(host.Services.GetRequiredService<IntentFallback>().IsEnabled);
        Assert.False(host.Services.GetRequiredService<IOptions<LanguageModelOptions>>().Value.IsEnabled);
    }

    [Fact]
    public async Task Host_Endpoint_ModelImplementations()
    {
        await using var host = new HandoffTestHost(settings: new Dictionary<string, string?>
        {
            ["LanguageModel:Endpoint"] = "https://contoso-ai.openai.azure.com/openai/v1/",
            ["LanguageModel:Model"] = "gpt-4o-mini",
            ["LanguageModel:ApiKey"] = "key-for-tests",
            ["LanguageModel:HandoffSummary"] = "false",
        });

        Assert.IsType<ModelGroundedAnswerer>(host.Services.GetRequiredService<IGroundedAnswerer>());
        Assert.IsType<ModelIntentClassifier>(host.Services.GetRequiredService<IIntentClassifier>());
        Assert.IsType<NoHandoffSummaryWriter>(host.Services.GetRequiredService<IHandoffSummaryWriter>());
        Assert.True(host.Services.GetRequiredService<IntentFallback>().IsEnabled);
    }

    [Theory]
    [InlineData("LanguageModel:Model", "gpt-4o-mini", "LanguageModel:Endpoint is required")]
    [InlineData("LanguageModel:Endpoint", "https://contoso-ai.openai.azure.com/openai/v1/", "LanguageModel:Model is required")]
    public async Task Host_BadSettings_StartFailsNamingTheSetting(string key, string value, string message)
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Storage:Provider", "Memory");
            b.UseSetting(key, value);
        });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Services);

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}

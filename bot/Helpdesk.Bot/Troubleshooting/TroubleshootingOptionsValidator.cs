using Helpdesk.Skills.Troubleshooting;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Troubleshooting;

/// <summary>Checks at start that a configured flows folder exists.</summary>
internal sealed class TroubleshootingOptionsValidator(IHostEnvironment environment) : IValidateOptions<TroubleshootingOptions>
{
    public ValidateOptionsResult Validate(string? name, TroubleshootingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.FlowsDirectory))
        {
            return ValidateOptionsResult.Success;
        }

        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.FlowsDirectory));
        return Directory.Exists(path)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Troubleshooting:FlowsDirectory '{options.FlowsDirectory}' does not exist (looked for {path}). Leave it empty to use the built-in flows.");
    }
}

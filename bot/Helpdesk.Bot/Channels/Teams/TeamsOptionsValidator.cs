using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Channels.Teams;

/// <summary>Checks the <c>Teams</c> section at start.</summary>
internal sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bad = options.AllowedTenantIds.Where(id => !Guid.TryParse(id, out _)).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Teams:AllowedTenantIds must hold Entra tenant ids (GUIDs); not one: {string.Join(", ", bad)}.");
    }
}

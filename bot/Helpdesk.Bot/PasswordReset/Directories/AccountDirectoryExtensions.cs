using Helpdesk.Bot.PasswordReset.Directories.ActiveDirectory;
using Helpdesk.Bot.PasswordReset.Directories.EntraId;
using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Directory;
using Helpdesk.Skills.PasswordReset.Embedded;
using Helpdesk.Skills.PasswordReset.Storage;
using Helpdesk.Skills.PasswordReset.Verification;

namespace Helpdesk.Bot.PasswordReset.Directories;

/// <summary>Registers the directory <c>PasswordReset:Directory</c> names behind <see cref="IAccountDirectory"/>.</summary>
internal static class AccountDirectoryExtensions
{
    public static IServiceCollection AddAccountDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration[PasswordResetOptions.SectionName + ":" + nameof(PasswordResetOptions.Directory)] ?? "Embedded";
        switch (kind.ToUpperInvariant())
        {
            case "ACTIVEDIRECTORY":
                services.AddOptions<ActiveDirectoryOptions>()
                    .Bind(configuration.GetSection(ActiveDirectoryOptions.SectionName))
                    .ValidateDataAnnotations()
                    .ValidateOnStart();
                services.AddSingleton<IAccountDirectory, ActiveDirectoryDirectory>();
                break;
            case "ENTRAID":
                services.AddOptions<EntraIdOptions>()
                    .Bind(configuration.GetSection(EntraIdOptions.SectionName))
                    .ValidateDataAnnotations()
                    .ValidateOnStart();
                services.AddHttpClient(GraphTokenProvider.ClientName, (sp, client) => client.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EntraIdOptions>>().Value.Timeout);
                services.AddSingleton<GraphTokenProvider>();
                services.AddSingleton<IAccountDirectory, EntraIdDirectory>();
                break;
            default:
                services.AddSingleton(sp => new EmbeddedDirectory(
                    sp.GetRequiredService<PasswordResetDb>(),
                    sp.GetRequiredService<TotpEnrollmentStore>(),
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<PasswordResetOptions>().SeedDemoUsers));
                services.AddSingleton<IAccountDirectory>(sp => sp.GetRequiredService<EmbeddedDirectory>());
                break;
        }

        return services;
    }
}

using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Hosting;
using Helpdesk.Bot.PasswordReset.Audit;
using Helpdesk.Bot.PasswordReset.Delivery;
using Helpdesk.Bot.PasswordReset.Directories;
using Helpdesk.Bot.PasswordReset.ResetPage;
using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Audit;
using Helpdesk.Skills.PasswordReset.Delivery;
using Helpdesk.Skills.PasswordReset.Dialogs;
using Helpdesk.Skills.PasswordReset.Limits;
using Helpdesk.Skills.PasswordReset.Links;
using Helpdesk.Skills.PasswordReset.Policy;
using Helpdesk.Skills.PasswordReset.Recovery;
using Helpdesk.Skills.PasswordReset.Security;
using Helpdesk.Skills.PasswordReset.Storage;
using Helpdesk.Skills.PasswordReset.Verification;
using Helpdesk.Skills.Troubleshooting.UserDirectory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.PasswordReset;

/// <summary>
/// Self-service password reset and account unlock: the skill's services over the bot's SQLite database, the
/// configured directory (embedded, Active Directory, Entra ID), code delivery (SMTP, an HTTP SMS provider, or the
/// development outbox), the reset page, the audit export.
/// </summary>
internal static class PasswordResetExtensions
{
    /// <summary>Matches a reset link (the token is in the fragment), wherever it appears.</summary>
    public const string ResetLinkPattern = @"/reset#[A-Za-z0-9_\-]{20,}";

    public static WebApplicationBuilder AddPasswordReset(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        var section = configuration.GetSection(PasswordResetOptions.SectionName);
        services.AddOptions<PasswordResetOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart()
            .PostConfigure<IOptions<ServiceDeskOptions>>((options, desk) =>
            {
                if (string.IsNullOrWhiteSpace(section[nameof(PasswordResetOptions.OrganizationName)]))
                {
                    options.OrganizationName = desk.Value.CompanyName;
                }

                if (string.IsNullOrWhiteSpace(section[nameof(PasswordResetOptions.ServiceDeskContact)]))
                {
                    options.ServiceDeskContact = $"the {desk.Value.CompanyName} service desk ({desk.Value.Phone}, {desk.Value.Email})";
                }
            });
        services.AddSingleton<IValidateOptions<PasswordResetOptions>, PasswordResetOptionsValidator>();
        services.AddOptions<PasswordResetHostOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PasswordResetOptions>>().Value);

        // Storage and keys.
        services.AddSingleton(sp => new PasswordResetDatabase(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.UseMemory));
        services.AddSingleton(sp => new PasswordResetDb(sp.GetRequiredService<PasswordResetDatabase>().Database));
        services.AddSingleton(sp => new SqliteAuditLog(sp.GetRequiredService<PasswordResetDatabase>().Database, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => PasswordResetKeyFile.LoadOrCreate(
            sp.GetRequiredService<IOptions<PasswordResetHostOptions>>().Value.KeysFile is { Length: > 0 } path
                ? path
                : sp.GetRequiredService<DataPaths>().File("password-reset-keys.json")));
        services.AddSingleton<SecretHasher>();
        services.AddSingleton<SecretBox>();

        // The skill.
        services.AddSingleton<PasswordResetAudit>();
        services.AddSingleton<TotpEnrollmentStore>();
        services.AddSingleton<OneTimeCodeService>();
        services.AddSingleton<TotpVerifier>();
        services.AddSingleton<VerificationLimiter>();
        services.AddSingleton<IResetPageAddress, ResetPageAddress>();
        services.AddSingleton<ResetLinkService>();
        services.AddSingleton<RecoveryMessages>();
        services.AddSingleton(_ => PasswordBlocklist.Default);
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<AccountRecoveryService>();
        services.AddSingleton<LinkResetService>();
        services.AddSingleton<PasswordResetTexts>();
        services.AddSingleton<PasswordResetDialog>();
        services.AddAccountDirectory(configuration);

        // Troubleshooting flows' lookup_user is answered from the same directory (only for an established identity).
        services.Replace(ServiceDescriptor.Singleton<IUserDirectoryLookup, AccountDirectoryUserLookup>());

        // Delivery: SMTP / HTTP SMS when configured; in Development the local outbox otherwise.
        var smtp = configuration.GetSection(SmtpOptions.SectionName).Get<SmtpOptions>() ?? new SmtpOptions();
        var sms = configuration.GetSection(SmsOptions.SectionName).Get<SmsOptions>() ?? new SmsOptions();
        var development = builder.Environment.IsDevelopment();
        if (development)
        {
            services.AddSingleton<DevOutbox>();
        }

        if (smtp.IsConfigured)
        {
            services.AddSingleton<IOutOfBandSender, SmtpEmailSender>();
        }
        else if (development)
        {
            services.AddSingleton<IOutOfBandSender>(sp => new DevOutboxSender(sp.GetRequiredService<DevOutbox>(), DeliveryChannel.Email));
        }

        if (sms.IsConfigured)
        {
            services.AddHttpClient(HttpSmsSender.ClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
            services.AddSingleton<IOutOfBandSender, HttpSmsSender>();
        }
        else if (development)
        {
            services.AddSingleton<IOutOfBandSender>(sp => new DevOutboxSender(sp.GetRequiredService<DevOutbox>(), DeliveryChannel.Sms));
        }

        services.AddSingleton<OutOfBandDispatcher>();
        services.AddSingleton<IOutOfBandDispatcher>(sp => sp.GetRequiredService<OutOfBandDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<OutOfBandDispatcher>());

        services.AddHelpdeskAntiforgery();
        services.AddSingleton(new RedactionPattern(ResetLinkPattern));
        return builder;
    }

    public static WebApplication MapPasswordResetApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapResetPage();
        app.MapAuditExport();
        if (app.Services.GetService<DevOutbox>() is not null)
        {
            app.MapDevOutbox();
        }

        return app;
    }
}

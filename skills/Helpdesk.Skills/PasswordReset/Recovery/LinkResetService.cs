using Helpdesk.Skills.PasswordReset.Audit;
using Helpdesk.Skills.PasswordReset.Delivery;
using Helpdesk.Skills.PasswordReset.Directory;
using Helpdesk.Skills.PasswordReset.Limits;
using Helpdesk.Skills.PasswordReset.Links;
using Helpdesk.Skills.PasswordReset.Policy;

namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>
/// The reset page's side: shows what a link is for, and sets the new password — checked by the
/// <see cref="PasswordPolicy"/> with the account's own words — through the directory. The link is claimed for the
/// attempt, completed on success (dead from then on) or released when the password was refused. Bad links count as
/// failures of the browser's address, which is blocked after too many. After a reset the account's mailboxes are told.
/// </summary>
public sealed class LinkResetService(
    IAccountDirectory directory,
    ResetLinkService links,
    PasswordPolicy policy,
    VerificationLimiter limiter,
    IOutOfBandDispatcher dispatcher,
    RecoveryMessages messages,
    PasswordResetAudit audit,
    PasswordResetOptions options,
    TimeProvider time)
{
    public const string PageChannel = "web";

    public PasswordPolicy Policy => policy;

    /// <summary>What the page shows for <paramref name="token"/> (nothing is used up).</summary>
    public async Task<ResetPageState> OpenAsync(string? token, string source, CancellationToken cancellationToken)
    {
        var grant = await links.InspectAsync(token, cancellationToken);
        var context = Context(grant, source);
        if ((await limiter.CheckBlocksAsync(context, context.Source, cancellationToken)).Allowed is false)
        {
            return new ResetPageState(ResetLinkStatus.Unknown);
        }

        if (!grant.IsValid)
        {
            await BadLinkAsync(grant, context, cancellationToken);
            return new ResetPageState(grant.Status);
        }

        var account = await directory.FindByIdAsync(grant.AccountId!, cancellationToken);
        return account is null
            ? new ResetPageState(ResetLinkStatus.Unknown)
            : new ResetPageState(ResetLinkStatus.Valid, account.SignInName, account.DisplayName, grant.ExpiresAt, ContextWords(account));
    }

    /// <summary>Sets <paramref name="password"/> for the account of <paramref name="token"/>.</summary>
    public async Task<PageResetOutcome> ResetAsync(string? token, string password, string confirmation, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(confirmation);
        var inspected = await links.InspectAsync(token, cancellationToken);
        var context = Context(inspected, source);
        if (!(await limiter.CheckBlocksAsync(context, context.Source, cancellationToken)).Allowed)
        {
            return new PageResetOutcome(PageResetKind.Blocked, ["Too many attempts with links that don't work came from your network. Please try again later or contact the service desk."]);
        }

        var grant = await links.ClaimAsync(token, cancellationToken);
        if (!grant.IsValid)
        {
            await BadLinkAsync(grant, context, cancellationToken);
            return new PageResetOutcome(PageResetKind.LinkInvalid, [], grant.Status);
        }

        var released = false;
        try
        {
            var account = await directory.FindByIdAsync(grant.AccountId!, cancellationToken);
            if (account is null)
            {
                await links.ReleaseAsync(token!, cancellationToken);
                released = true;
                return new PageResetOutcome(PageResetKind.LinkInvalid, [], ResetLinkStatus.Unknown);
            }

            var check = policy.Check(password, ContextWords(account), confirmation);
            if (!check.Accepted)
            {
                await links.ReleaseAsync(token!, cancellationToken);
                released = true;
                await audit.RecordAsync(Entry(AuditEvents.PasswordRejected, account, context, "refused", "by=policy; problems=" + string.Join(',', check.Problems).ToLowerInvariant()), cancellationToken);
                return new PageResetOutcome(PageResetKind.Weak, check.Messages);
            }

            var result = await directory.SetPasswordAsync(account, password, mustChangeAtNextSignIn: false, cancellationToken);
            if (!result.Succeeded)
            {
                await links.ReleaseAsync(token!, cancellationToken);
                released = true;
                await audit.RecordAsync(Entry(AuditEvents.PasswordRejected, account, context, "refused", $"by=directory; directory={directory.Name}"), cancellationToken);
                return new PageResetOutcome(PageResetKind.DirectoryRejected, [result.Problem ?? "The directory refused this password. Choose a different one."]);
            }

            await links.CompleteAsync(token!, cancellationToken);
            released = true;
            await limiter.RecordResetAsync(account.Id, cancellationToken);
            await audit.RecordAsync(Entry(AuditEvents.LinkUsed, account, context, "ok", null), cancellationToken);
            await audit.RecordAsync(Entry(AuditEvents.PasswordReset, account, context, "ok", $"directory={directory.Name}; via=link"), cancellationToken);
            var notified = Notify(account);
            if (notified > 0)
            {
                await audit.RecordAsync(Entry(AuditEvents.NotificationSent, account, context, "ok", $"recipients={notified}"), cancellationToken);
            }

            return new PageResetOutcome(PageResetKind.Changed, []);
        }
        catch (DirectoryUnavailableException)
        {
            await audit.RecordAsync(new AuditEntry(AuditEvents.DirectoryUnavailable, "-", PageChannel, context.ConversationId, context.Source, "failed", $"directory={directory.Name}"), CancellationToken.None);
            return new PageResetOutcome(PageResetKind.Unavailable, ["The account directory can't be reached right now. Nothing was changed; please try again in a few minutes."]);
        }
        finally
        {
            if (!released)
            {
                await links.ReleaseAsync(token!, CancellationToken.None);
            }
        }
    }

    private IReadOnlyList<string> ContextWords(DirectoryAccount account) =>
        [.. account.ContextWords().Append(options.OrganizationName).Concat(options.ContextWords).Distinct(StringComparer.OrdinalIgnoreCase)];

    private int Notify(DirectoryAccount account)
    {
        if (!dispatcher.Supports(DeliveryChannel.Email))
        {
            return 0;
        }

        var recipients = new[] { account.Email, account.AlternateEmail }.Where(a => !string.IsNullOrWhiteSpace(a)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var to in recipients)
        {
            dispatcher.Enqueue(messages.PasswordChanged(to!, account.SignInName, time.GetUtcNow()));
        }

        return recipients.Count;
    }

    private async Task BadLinkAsync(ResetLinkGrant grant, RecoveryContext context, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(
            new AuditEntry(AuditEvents.LinkRejected, grant.AccountId is null ? "-" : "id:" + grant.AccountId, PageChannel, context.ConversationId, context.Source, "refused", "reason=" + grant.Status.ToString().ToLowerInvariant()),
            cancellationToken);
        if (grant.Status is ResetLinkStatus.Unknown)
        {
            var tally = await limiter.RecordFailureAsync(context, context.Source, cancellationToken);
            await audit.CheckAnomaliesAsync(tally, "-", context.Source, context, cancellationToken);
        }
    }

    private static RecoveryContext Context(ResetLinkGrant grant, string source) => new(PageChannel, grant.ConversationId ?? "-", "web:" + source);

    private static AuditEntry Entry(string auditEvent, DirectoryAccount account, RecoveryContext context, string outcome, string? detail) =>
        new(auditEvent, account.SignInName, PageChannel, context.ConversationId, context.Source, outcome, detail);
}

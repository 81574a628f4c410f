using System.Security.Cryptography;
using Helpdesk.Skills.PasswordReset.Security;
using Helpdesk.Skills.PasswordReset.Storage;

namespace Helpdesk.Skills.PasswordReset.Links;

/// <summary>
/// Single-use reset links: a 256-bit random token, stored only as a keyed hash together with the verified account
/// and the conversation, valid for <see cref="PasswordResetOptions.LinkLifetime"/>. A reset first claims the link
/// (so two submissions cannot both reset), then completes it, or releases it when the directory refused the password.
/// </summary>
public sealed class ResetLinkService(PasswordResetDb db, SecretHasher hasher, IResetPageAddress address, PasswordResetOptions options, TimeProvider time)
{
    private const string Purpose = "reset-link";

    /// <summary>A claim older than this is abandoned (the request died) and may be taken again.</summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    public async Task<IssuedLink> IssueAsync(string accountId, RecoveryContext context, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        ArgumentNullException.ThrowIfNull(context);
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var expires = now + options.LinkLifetime;
        await db.ExecuteAsync(
            """
            INSERT INTO pr_links (lookup, account_id, channel, conversation, created_at, expires_at)
            VALUES ($lookup, $account, $channel, $conversation, $now, $expires)
            """,
            cancellationToken,
            ("$lookup", hasher.LookupKey(Purpose, token)),
            ("$account", accountId),
            ("$channel", context.Channel),
            ("$conversation", context.ConversationId),
            ("$now", PasswordResetDb.ToUnixMs(now)),
            ("$expires", PasswordResetDb.ToUnixMs(expires)));
        await db.ExecuteAsync("DELETE FROM pr_links WHERE expires_at < $cutoff", cancellationToken, ("$cutoff", PasswordResetDb.ToUnixMs(now - TimeSpan.FromDays(1))));
        return new IssuedLink(token, address.UrlFor(token), expires);
    }

    /// <summary>What <paramref name="token"/> stands for, without using it.</summary>
    public async Task<ResetLinkGrant> InspectAsync(string? token, CancellationToken cancellationToken)
    {
        if (!LooksLikeToken(token))
        {
            return new ResetLinkGrant(ResetLinkStatus.Unknown);
        }

        var rows = await db.QueryAsync(
            "SELECT account_id, channel, conversation, expires_at, claimed_at, used_at FROM pr_links WHERE lookup = $lookup",
            r => (Account: r.GetString(0), Channel: r.GetString(1), Conversation: r.GetString(2), Expires: r.GetInt64(3), Claimed: r.IsDBNull(4) ? (long?)null : r.GetInt64(4), Used: r.IsDBNull(5) ? (long?)null : r.GetInt64(5)),
            cancellationToken,
            ("$lookup", hasher.LookupKey(Purpose, token!)));
        if (rows.Count == 0)
        {
            return new ResetLinkGrant(ResetLinkStatus.Unknown);
        }

        var row = rows[0];
        var now = time.GetUtcNow();
        var status = row.Used is not null ? ResetLinkStatus.Used
            : PasswordResetDb.FromUnixMs(row.Expires) <= now ? ResetLinkStatus.Expired
            : row.Claimed is { } claimed && PasswordResetDb.FromUnixMs(claimed) > now - ClaimTimeout ? ResetLinkStatus.InProgress
            : ResetLinkStatus.Valid;
        return new ResetLinkGrant(status, row.Account, row.Channel, row.Conversation, PasswordResetDb.FromUnixMs(row.Expires));
    }

    /// <summary>Claims the link for one reset attempt; the grant is valid only for the caller that claimed it.</summary>
    public async Task<ResetLinkGrant> ClaimAsync(string? token, CancellationToken cancellationToken)
    {
        var grant = await InspectAsync(token, cancellationToken);
        if (!grant.IsValid)
        {
            return grant;
        }

        var now = time.GetUtcNow();
        var claimed = await db.ExecuteAsync(
            """
            UPDATE pr_links SET claimed_at = $now
            WHERE lookup = $lookup AND used_at IS NULL AND expires_at > $nowMs AND (claimed_at IS NULL OR claimed_at <= $stale)
            """,
            cancellationToken,
            ("$lookup", hasher.LookupKey(Purpose, token!)),
            ("$now", PasswordResetDb.ToUnixMs(now)),
            ("$nowMs", PasswordResetDb.ToUnixMs(now)),
            ("$stale", PasswordResetDb.ToUnixMs(now - ClaimTimeout)));
        return claimed == 1 ? grant : grant with { Status = ResetLinkStatus.InProgress };
    }

    /// <summary>The reset succeeded: the link is dead.</summary>
    public Task CompleteAsync(string token, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE pr_links SET used_at = $now WHERE lookup = $lookup AND used_at IS NULL",
            cancellationToken,
            ("$lookup", hasher.LookupKey(Purpose, token)),
            ("$now", PasswordResetDb.ToUnixMs(time.GetUtcNow())));

    /// <summary>The reset did not happen (the password was refused): the link may be used again until it expires.</summary>
    public Task ReleaseAsync(string token, CancellationToken cancellationToken) =>
        db.ExecuteAsync(
            "UPDATE pr_links SET claimed_at = NULL WHERE lookup = $lookup AND used_at IS NULL",
            cancellationToken,
            ("$lookup", hasher.LookupKey(Purpose, token)));

    /// <summary>True for a string that could be a token (43 base64url characters); anything else is not looked up.</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

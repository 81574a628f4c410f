using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Skills.PasswordReset.Directory;
using Helpdesk.Skills.PasswordReset.Storage;
using Helpdesk.Skills.PasswordReset.Verification;
using Microsoft.Data.Sqlite;
using OtpNet;

namespace Helpdesk.Skills.PasswordReset.Embedded;

/// <summary>
/// A small directory in the bot's SQLite database for the default run and tests: accounts with a user name, UPN,
/// mailbox, registered alternate e-mail and phone, a lockout (after <see cref="LockoutThreshold"/> wrong passwords)
/// and a PBKDF2 password hash. Seeded with <see cref="EmbeddedDemoUsers"/> when empty (and enabled).
/// </summary>
public sealed class EmbeddedDirectory : IAccountDirectory
{
    /// <summary>Wrong passwords in a row that lock an account.</summary>
    public const int LockoutThreshold = 5;

    private const int Pbkdf2Iterations = 100_000;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS embedded_directory_users (
            id TEXT NOT NULL PRIMARY KEY,
            user_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            upn TEXT NULL UNIQUE COLLATE NOCASE,
            display_name TEXT NOT NULL,
            mail TEXT NULL COLLATE NOCASE,
            alternate_email TEXT NULL,
            mobile TEXT NULL,
            object_id TEXT NULL COLLATE NOCASE,
            password_hash TEXT NULL,
            must_change INTEGER NOT NULL DEFAULT 0,
            locked INTEGER NOT NULL DEFAULT 0,
            failed_sign_ins INTEGER NOT NULL DEFAULT 0,
            enabled INTEGER NOT NULL DEFAULT 1,
            password_changed_at INTEGER NULL,
            department TEXT NULL,
            office TEXT NULL
        );
        """;

    /// <summary>Columns added after the table's first release, added to older databases at start.</summary>
    private static readonly string[] AddedColumns = ["department", "office"];

    private readonly PasswordResetDb _db;
    private readonly TotpEnrollmentStore _enrollments;
    private readonly TimeProvider _time;
    private readonly Lazy<Task> _ready;

    public EmbeddedDirectory(PasswordResetDb db, TotpEnrollmentStore enrollments, TimeProvider time, bool seedDemoUsers)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
        _enrollments = enrollments ?? throw new ArgumentNullException(nameof(enrollments));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _ready = new Lazy<Task>(() => InitializeAsync(seedDemoUsers));
    }

    public string Name => "embedded";

    public async Task<DirectoryAccount?> FindAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        await _ready.Value;
        return await SingleAsync("user_name = $v OR upn = $v OR mail = $v", identifier.Trim(), cancellationToken);
    }

    public async Task<DirectoryAccount?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await _ready.Value;
        return await SingleAsync("id = $v OR object_id = $v", id.Trim(), cancellationToken);
    }

    public async Task UnlockAsync(DirectoryAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await _ready.Value;
        await _db.ExecuteAsync("UPDATE embedded_directory_users SET locked = 0, failed_sign_ins = 0 WHERE id = $id", cancellationToken, ("$id", account.Id));
    }

    public async Task<PasswordChangeResult> SetPasswordAsync(DirectoryAccount account, string newPassword, bool mustChangeAtNextSignIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(newPassword);
        await _ready.Value;
        var changed = await _db.ExecuteAsync(
            """
            UPDATE embedded_directory_users
            SET password_hash = $hash, must_change = $mustChange, locked = 0, failed_sign_ins = 0, password_changed_at = $now
            WHERE id = $id AND enabled = 1
            """,
            cancellationToken,
            ("$id", account.Id),
            ("$hash", HashPassword(newPassword)),
            ("$mustChange", mustChangeAtNextSignIn ? 1 : 0),
            ("$now", PasswordResetDb.ToUnixMs(_time.GetUtcNow())));
        return changed == 1 ? PasswordChangeResult.Success : PasswordChangeResult.Rejected("The account cannot be changed (it is disabled or no longer exists).");
    }

    /// <summary>Signs in with a password, as a workstation would: wrong passwords count towards a lockout.</summary>
    public async Task<SignInResult> SignInAsync(string identifier, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        var account = await FindAsync(identifier, cancellationToken);
        if (account is null)
        {
            return SignInResult.UnknownAccount;
        }

        var rows = await _db.QueryAsync(
            "SELECT password_hash, must_change, locked FROM embedded_directory_users WHERE id = $id",
            r => (Hash: r.IsDBNull(0) ? null : r.GetString(0), MustChange: r.GetInt64(1) == 1, Locked: r.GetInt64(2) == 1),
            cancellationToken,
            ("$id", account.Id));
        var row = rows[0];
        if (row.Locked)
        {
            return SignInResult.LockedOut;
        }

        if (row.Hash is null || !VerifyPassword(row.Hash, password))
        {
            await _db.ExecuteAsync(
                "UPDATE embedded_directory_users SET failed_sign_ins = failed_sign_ins + 1, locked = CASE WHEN failed_sign_ins + 1 >= $threshold THEN 1 ELSE locked END WHERE id = $id",
                cancellationToken,
                ("$id", account.Id),
                ("$threshold", LockoutThreshold));
            return SignInResult.WrongPassword;
        }

        await _db.ExecuteAsync("UPDATE embedded_directory_users SET failed_sign_ins = 0 WHERE id = $id", cancellationToken, ("$id", account.Id));
        return row.MustChange ? SignInResult.MustChangePassword : SignInResult.Succeeded;
    }

    /// <summary>Adds (or replaces) an account, with an optional authenticator secret (base32).</summary>
    public async Task AddAsync(DirectoryAccount account, string? objectId, string? totpSecretBase32, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await _ready.Value;
        await InsertAsync(account, objectId, cancellationToken);
        if (totpSecretBase32 is not null)
        {
            await _enrollments.EnrollAsync(account.Id, Base32Encoding.ToBytes(totpSecretBase32), cancellationToken);
        }
    }

    private async Task InitializeAsync(bool seed)
    {
        await _db.Database.ExecuteAsync(Schema, CancellationToken.None);
        var columns = await _db.QueryAsync("SELECT name FROM pragma_table_info('embedded_directory_users')", r => r.GetString(0), CancellationToken.None);
        foreach (var column in AddedColumns.Where(c => !columns.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            await _db.ExecuteAsync($"ALTER TABLE embedded_directory_users ADD COLUMN {column} TEXT NULL", CancellationToken.None);
        }

        if (!seed)
        {
            return;
        }

        var count = Convert.ToInt64(await _db.ScalarAsync("SELECT COUNT(*) FROM embedded_directory_users", CancellationToken.None), CultureInfo.InvariantCulture);
        if (count > 0)
        {
            return;
        }

        foreach (var user in EmbeddedDemoUsers.All)
        {
            await InsertAsync(user.Account, user.ObjectId, CancellationToken.None);
            if (user.TotpSecret is not null)
            {
                await _enrollments.EnrollAsync(user.Account.Id, Base32Encoding.ToBytes(user.TotpSecret), CancellationToken.None);
            }
        }
    }

    private Task InsertAsync(DirectoryAccount account, string? objectId, CancellationToken cancellationToken) =>
        _db.ExecuteAsync(
            """
            INSERT INTO embedded_directory_users (id, user_name, upn, display_name, mail, alternate_email, mobile, object_id, password_hash, locked, enabled, department, office)
            VALUES ($id, $user, $upn, $display, $mail, $alt, $mobile, $object, $hash, $locked, $enabled, $department, $office)
            ON CONFLICT(id) DO UPDATE SET user_name = excluded.user_name, upn = excluded.upn, display_name = excluded.display_name,
                mail = excluded.mail, alternate_email = excluded.alternate_email, mobile = excluded.mobile, object_id = excluded.object_id,
                locked = excluded.locked, enabled = excluded.enabled, department = excluded.department, office = excluded.office
            """,
            cancellationToken,
            ("$id", account.Id),
            ("$user", account.UserName),
            ("$upn", account.UserPrincipalName),
            ("$display", account.DisplayName),
            ("$mail", account.Email),
            ("$alt", account.AlternateEmail),
            ("$mobile", account.MobilePhone),
            ("$object", objectId),
            ("$hash", HashPassword(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)))),
            ("$locked", account.IsLocked ? 1 : 0),
            ("$enabled", account.IsEnabled ? 1 : 0),
            ("$department", account.Department),
            ("$office", account.Office));

    private async Task<DirectoryAccount?> SingleAsync(string where, string value, CancellationToken cancellationToken)
    {
        var rows = await _db.QueryAsync(
            $"SELECT id, user_name, upn, display_name, mail, alternate_email, mobile, locked, enabled, department, office FROM embedded_directory_users WHERE {where} LIMIT 2",
            Map,
            cancellationToken,
            ("$v", value));
        return rows.Count == 1 ? rows[0] : null;
    }

    private static DirectoryAccount Map(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.IsDBNull(2) ? null : r.GetString(2),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? null : r.GetString(6),
        r.GetInt64(7) == 1,
        r.GetInt64(8) == 1,
        r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10));

    private static string HashPassword(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Pbkdf2Iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${Pbkdf2Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    private static bool VerifyPassword(string stored, string password)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(parts[2]), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}

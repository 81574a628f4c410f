using System.Globalization;
using System.Text.Json;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Skills.Troubleshooting.Incidents;

/// <summary>
/// Incidents created through the admin API, and the report counts and update subscriptions of every incident
/// (feed ones included), in the bot's SQLite database.
/// </summary>
public sealed class SqliteIncidentStore : IIncidentStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS incidents (
            id TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
            service TEXT NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            eta TEXT NULL,
            details TEXT NULL
        );
        CREATE TABLE IF NOT EXISTS incident_reports (
            incident_id TEXT NOT NULL COLLATE NOCASE,
            reporter TEXT NOT NULL,
            first_at TEXT NOT NULL,
            last_at TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (incident_id, reporter)
        );
        CREATE TABLE IF NOT EXISTS incident_subscriptions (
            incident_id TEXT NOT NULL COLLATE NOCASE,
            reporter TEXT NOT NULL,
            conversation TEXT NOT NULL,
            subscribed_at TEXT NOT NULL,
            notified_version TEXT NULL,
            closed INTEGER NOT NULL DEFAULT 0,
            utc_offset_minutes INTEGER NULL,
            PRIMARY KEY (incident_id, reporter)
        );
        """;

    /// <summary>Columns added after the first release of the table: (name, definition), added to older databases at start.</summary>
    private static readonly (string Name, string Definition)[] AddedSubscriptionColumns =
    [
        ("notified_version", "TEXT NULL"),
        ("closed", "INTEGER NOT NULL DEFAULT 0"),
        ("utc_offset_minutes", "INTEGER NULL"),
    ];

    private const string SubscriptionColumns = "incident_id, reporter, conversation, subscribed_at, notified_version, closed, utc_offset_minutes";

    private const string StatsSql = """
        SELECT
            (SELECT COUNT(*) FROM incident_reports WHERE incident_id = $id),
            (SELECT COALESCE(SUM(count), 0) FROM incident_reports WHERE incident_id = $id),
            (SELECT COUNT(*) FROM incident_subscriptions WHERE incident_id = $id)
        """;

    private readonly SqliteDatabase _database;
    private readonly Lazy<Task> _schema;

    public SqliteIncidentStore(SqliteDatabase database)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        _schema = new Lazy<Task>(CreateSchemaAsync);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Incident>> ListAsync(bool includeResolved, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, service, title, status, updated_at, eta, details FROM incidents"
            + (includeResolved ? string.Empty : " WHERE status <> 'Resolved'") + " ORDER BY updated_at DESC, id";
        var incidents = new List<Incident>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            incidents.Add(Read(reader));
        }

        return incidents;
    }

    /// <inheritdoc />
    public async Task<Incident?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, service, title, status, updated_at, eta, details FROM incidents WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO incidents (id, service, title, status, updated_at, eta, details)
            VALUES ($id, $service, $title, $status, $updated, $eta, $details)
            ON CONFLICT(id) DO NOTHING
            """;
        Bind(command, incident);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<bool> UpdateAsync(Incident incident, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE incidents SET service = $service, title = $title, status = $status, updated_at = $updated, eta = $eta, details = $details
            WHERE id = $id
            """;
        Bind(command, incident);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IncidentStats> RecordReportAsync(string incidentId, string reporter, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using (var upsert = connection.CreateCommand())
        {
            upsert.CommandText = """
                INSERT INTO incident_reports (incident_id, reporter, first_at, last_at, count) VALUES ($id, $reporter, $at, $at, 1)
                ON CONFLICT(incident_id, reporter) DO UPDATE SET last_at = excluded.last_at, count = count + 1
                """;
            upsert.Parameters.AddWithValue("$id", incidentId);
            upsert.Parameters.AddWithValue("$reporter", reporter);
            upsert.Parameters.AddWithValue("$at", Format(at));
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        return await StatsAsync(connection, incidentId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IncidentStats> GetStatsAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await StatsAsync(connection, incidentId, cancellationToken);
    }

    /// <inheritdoc />
    public async Task SubscribeAsync(IncidentSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO incident_subscriptions (incident_id, reporter, conversation, subscribed_at, notified_version, closed, utc_offset_minutes)
            VALUES ($id, $reporter, $conversation, $at, $version, $closed, $offset)
            ON CONFLICT(incident_id, reporter) DO UPDATE SET conversation = excluded.conversation, subscribed_at = excluded.subscribed_at,
                notified_version = excluded.notified_version, closed = excluded.closed, utc_offset_minutes = excluded.utc_offset_minutes
            """;
        command.Parameters.AddWithValue("$id", subscription.IncidentId);
        command.Parameters.AddWithValue("$reporter", subscription.Reporter);
        command.Parameters.AddWithValue("$conversation", JsonSerializer.Serialize(subscription.Conversation, ActivitySerializer.Options));
        command.Parameters.AddWithValue("$at", Format(subscription.SubscribedAt));
        command.Parameters.AddWithValue("$version", (object?)subscription.NotifiedVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$closed", subscription.Closed ? 1 : 0);
        command.Parameters.AddWithValue("$offset", subscription.UtcOffset is { } offset ? (int)offset.TotalMinutes : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentSubscription>> OpenSubscriptionsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SubscriptionColumns} FROM incident_subscriptions WHERE closed = 0 ORDER BY subscribed_at, reporter";
        return await ReadSubscriptionsAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TryMarkNotifiedAsync(string incidentId, string reporter, string? expectedVersion, string? version, bool closed, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE incident_subscriptions SET notified_version = $version, closed = $closed
            WHERE incident_id = $id AND reporter = $reporter AND closed = 0 AND notified_version IS $expected
            """;
        command.Parameters.AddWithValue("$id", incidentId);
        command.Parameters.AddWithValue("$reporter", reporter);
        command.Parameters.AddWithValue("$version", (object?)version ?? DBNull.Value);
        command.Parameters.AddWithValue("$expected", (object?)expectedVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$closed", closed ? 1 : 0);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<IncidentSubscription>> SubscriptionsAsync(string incidentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SubscriptionColumns} FROM incident_subscriptions WHERE incident_id = $id ORDER BY subscribed_at, reporter";
        command.Parameters.AddWithValue("$id", incidentId);
        return await ReadSubscriptionsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<IncidentSubscription>> ReadSubscriptionsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var list = new List<IncidentSubscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var conversation = JsonSerializer.Deserialize<ConversationReference>(reader.GetString(2), ActivitySerializer.Options) ?? new ConversationReference();
            list.Add(new IncidentSubscription(reader.GetString(0), reader.GetString(1), conversation, Parse(reader.GetString(3)))
            {
                NotifiedVersion = reader.IsDBNull(4) ? null : reader.GetString(4),
                Closed = reader.GetInt64(5) != 0,
                UtcOffset = reader.IsDBNull(6) ? null : TimeSpan.FromMinutes(reader.GetInt64(6)),
            });
        }

        return list;
    }

    private async Task CreateSchemaAsync()
    {
        await _database.ExecuteAsync(Schema, CancellationToken.None);
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var columns = connection.CreateCommand())
        {
            columns.CommandText = "SELECT name FROM pragma_table_info('incident_subscriptions')";
            await using var reader = await columns.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                existing.Add(reader.GetString(0));
            }
        }

        foreach (var (name, definition) in AddedSubscriptionColumns.Where(c => !existing.Contains(c.Name)))
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE incident_subscriptions ADD COLUMN {name} {definition}";
            await alter.ExecuteNonQueryAsync();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value;
        return await _database.OpenAsync(cancellationToken);
    }

    private static async Task<IncidentStats> StatsAsync(SqliteConnection connection, string incidentId, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = StatsSql;
        command.Parameters.AddWithValue("$id", incidentId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IncidentStats(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2));
    }

    private static void Bind(SqliteCommand command, Incident incident)
    {
        command.Parameters.AddWithValue("$id", incident.Id);
        command.Parameters.AddWithValue("$service", incident.Service);
        command.Parameters.AddWithValue("$title", incident.Title);
        command.Parameters.AddWithValue("$status", incident.Status.ToString());
        command.Parameters.AddWithValue("$updated", Format(incident.Updated));
        command.Parameters.AddWithValue("$eta", incident.Eta is { } eta ? Format(eta) : DBNull.Value);
        command.Parameters.AddWithValue("$details", (object?)incident.Details ?? DBNull.Value);
    }

    private static Incident Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        Enum.Parse<IncidentStatus>(reader.GetString(3)),
        Parse(reader.GetString(4)),
        reader.IsDBNull(5) ? null : Parse(reader.GetString(5)),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        IncidentSource.Api);

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Helpdesk.Skills.Cases;

namespace Helpdesk.Bot.Handoff.Store;

/// <summary>
/// The handoff queue, agents, audit log and conversation transcripts in SQL: the same tables and statements on
/// SQLite (default) and PostgreSQL (<see cref="HandoffSqlDialect"/>). Times are Unix milliseconds (BIGINT). At most one
/// open case per conversation is enforced by a partial unique index; a claim is a conditional update.
/// </summary>
internal sealed class SqlHandoffStore : IHandoffStore, IAgentStore, ITranscriptBatchStore
{
    private const string CaseColumns = """
        id, conversation_key, adapter, reference_json, status, priority, category, trigger_kind, reason, user_id, user_name,
        channel_id, locale, context_json, created_at, sla_due_at, claimed_at, first_response_at, agent_id, agent_name,
        closed_at, resolution_note, csat, csat_pending, ticket_number, notified_position, offline, updated_at
        """;

    private static readonly string OpenStatuses = $"'{HandoffStatuses.Waiting}', '{HandoffStatuses.Active}', '{HandoffStatuses.Hub}'";

    /// <summary>How many conversations are remembered as having no current case; past it the memory starts again.</summary>
    internal const int MaxRememberedWithoutCase = 10_000;

    private readonly HandoffSqlDialect _dialect;
    private readonly Lazy<Task> _schema;

    /// <summary>
    /// Conversations known to have no current case, so the lookup every message makes (<see cref="FindCurrentAsync"/>)
    /// costs no query until a case changes. Only when this process is the database's only writer
    /// (<see cref="HandoffSqlDialect.HasSingleWriterProcess"/>: SQLite); null on PostgreSQL, where other instances
    /// create cases too.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte>? _withoutCurrentCase;
    private long _caseGeneration;

    public SqlHandoffStore(HandoffSqlDialect dialect)
    {
        _dialect = dialect ?? throw new ArgumentNullException(nameof(dialect));
        _schema = new Lazy<Task>(CreateSchemaAsync);
        _withoutCurrentCase = dialect.HasSingleWriterProcess ? new ConcurrentDictionary<string, byte>(StringComparer.Ordinal) : null;
    }

    public string DialectName => _dialect.Name;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _schema.Value.WaitAsync(cancellationToken);

    // ---- cases ---------------------------------------------------------------------------------------------------

    public async Task<(HandoffCase Case, bool Created)> CreateAsync(HandoffCase handoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO handoff_cases (conversation_key, adapter, reference_json, status, priority, category, trigger_kind, reason,
                user_id, user_name, channel_id, locale, context_json, created_at, sla_due_at, csat_pending, offline, updated_at)
            VALUES (@key, @adapter, @reference, @status, @priority, @category, @trigger, @reason,
                @userId, @userName, @channel, @locale, @context, @created, @sla, 0, @offline, @created)
            RETURNING id
            """;
        Add(command, "@key", handoff.ConversationKey);
        Add(command, "@adapter", handoff.AdapterName);
        Add(command, "@reference", handoff.ReferenceJson);
        Add(command, "@status", HandoffStatuses.ToText(handoff.Status));
        Add(command, "@priority", (int)handoff.Priority);
        Add(command, "@category", handoff.Category);
        Add(command, "@trigger", handoff.Trigger.ToString());
        Add(command, "@reason", handoff.Reason);
        Add(command, "@userId", handoff.UserId);
        Add(command, "@userName", handoff.UserName);
        Add(command, "@channel", handoff.ChannelId);
        Add(command, "@locale", handoff.Locale);
        Add(command, "@context", handoff.ContextJson);
        Add(command, "@created", Ms(handoff.CreatedAt));
        Add(command, "@sla", Ms(handoff.SlaDueAt));
        Add(command, "@offline", handoff.Offline ? 1 : 0);
        try
        {
            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            CasesChanged();
            return (handoff with { Id = id, UpdatedAt = handoff.CreatedAt }, true);
        }
        catch (DbException ex) when (_dialect.IsUniqueViolation(ex))
        {
            CasesChanged();
            var existing = await FindCurrentAsync(handoff.ConversationKey, cancellationToken)
                ?? throw new InvalidOperationException("The conversation's open case vanished while a new one was created.", ex);
            return (existing, false);
        }
    }

    public async Task<HandoffCase?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var cases = await QueryCasesAsync($"SELECT {CaseColumns} FROM handoff_cases WHERE id = @id", c => Add(c, "@id", id), cancellationToken);
        return cases.Count == 0 ? null : cases[0];
    }

    public async Task<HandoffCase?> FindCurrentAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (_withoutCurrentCase is not null && _withoutCurrentCase.ContainsKey(conversationKey))
        {
            return null;
        }

        var generation = Volatile.Read(ref _caseGeneration);
        var cases = await QueryCasesAsync(
            $"""
            SELECT {CaseColumns} FROM handoff_cases
            WHERE conversation_key = @key AND (status IN ({OpenStatuses}) OR csat_pending = 1)
            ORDER BY id DESC
            """,
            c => Add(c, "@key", conversationKey),
            cancellationToken);
        var current = cases.FirstOrDefault(c => HandoffStatuses.IsOpen(c.Status)) ?? cases.FirstOrDefault();
        if (current is null && _withoutCurrentCase is not null)
        {
            if (_withoutCurrentCase.Count >= MaxRememberedWithoutCase)
            {
                _withoutCurrentCase.Clear();
            }

            _withoutCurrentCase.TryAdd(conversationKey, 0);

            // A case changed while the query ran: what it answered may be stale, so it is not kept.
            if (Volatile.Read(ref _caseGeneration) != generation)
            {
                _withoutCurrentCase.TryRemove(conversationKey, out _);
            }
        }

        return current;
    }

    public async Task<HandoffCase?> FindByTicketAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        var cases = await QueryCasesAsync(
            $"SELECT {CaseColumns} FROM handoff_cases WHERE ticket_number = @ticket ORDER BY id DESC LIMIT 1",
            c => Add(c, "@ticket", ticketNumber.Trim().ToUpperInvariant()),
            cancellationToken);
        return cases.Count == 0 ? null : cases[0];
    }

    public Task<IReadOnlyList<HandoffCase>> ListOpenAsync(CancellationToken cancellationToken) =>
        QueryCasesAsync($"SELECT {CaseColumns} FROM handoff_cases WHERE status IN ({OpenStatuses}) ORDER BY priority, sla_due_at, id", null, cancellationToken);

    public Task<IReadOnlyList<HandoffCase>> ListClosedAsync(int limit, CancellationToken cancellationToken) =>
        QueryCasesAsync(
            $"SELECT {CaseColumns} FROM handoff_cases WHERE status NOT IN ({OpenStatuses}) ORDER BY closed_at DESC, id DESC LIMIT @limit",
            c => Add(c, "@limit", limit),
            cancellationToken);

    public Task<bool> TryClaimAsync(long id, string agentId, string agentName, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeCaseAsync(
            $"""
            UPDATE handoff_cases SET status = '{HandoffStatuses.Active}', agent_id = @agent, agent_name = @agentName,
                claimed_at = @now, updated_at = @now
            WHERE id = @id AND status = '{HandoffStatuses.Waiting}'
            """,
            c =>
            {
                Add(c, "@id", id);
                Add(c, "@agent", agentId);
                Add(c, "@agentName", agentName);
                Add(c, "@now", Ms(at));
            },
            cancellationToken);

    public Task<bool> TryTransitionAsync(long id, IReadOnlyCollection<HandoffStatus> from, HandoffStatus to, string? note, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (from.Count == 0)
        {
            return Task.FromResult(false);
        }

        var closing = !HandoffStatuses.IsOpen(to);
        var expected = string.Join(", ", from.Select(s => $"'{HandoffStatuses.ToText(s)}'"));
        var sql = $"""
            UPDATE handoff_cases SET status = @to, updated_at = @now
                {(closing ? ", closed_at = @now, resolution_note = @note, csat_pending = @pending" : string.Empty)}
                {(to == HandoffStatus.Waiting ? ", agent_id = NULL, agent_name = NULL, claimed_at = NULL" : string.Empty)}
            WHERE id = @id AND status IN ({expected})
            """;
        return ChangeCaseAsync(
            sql,
            c =>
            {
                Add(c, "@id", id);
                Add(c, "@to", HandoffStatuses.ToText(to));
                Add(c, "@now", Ms(at));
                if (closing)
                {
                    Add(c, "@note", note);
                    Add(c, "@pending", to == HandoffStatus.Resolved ? 1 : 0);
                }
            },
            cancellationToken);
    }

    public Task<bool> TryTransferAsync(long id, string? fromAgentId, string? toAgentId, string? toAgentName, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var toQueue = toAgentId is null;
        var sql = $"""
            UPDATE handoff_cases SET updated_at = @now,
                status = '{(toQueue ? HandoffStatuses.Waiting : HandoffStatuses.Active)}',
                agent_id = @to, agent_name = @toName, claimed_at = {(toQueue ? "NULL" : "@now")}
            WHERE id = @id AND status = '{HandoffStatuses.Active}' {(fromAgentId is null ? string.Empty : "AND agent_id = @from")}
            """;
        return ChangeCaseAsync(
            sql,
            c =>
            {
                Add(c, "@id", id);
                Add(c, "@now", Ms(at));
                Add(c, "@to", toAgentId);
                Add(c, "@toName", toAgentName);
                if (fromAgentId is not null)
                {
                    Add(c, "@from", fromAgentId);
                }
            },
            cancellationToken);
    }

    public Task MarkFirstResponseAsync(long id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeCaseAsync(
            "UPDATE handoff_cases SET first_response_at = @now WHERE id = @id AND first_response_at IS NULL",
            c =>
            {
                Add(c, "@id", id);
                Add(c, "@now", Ms(at));
            },
            cancellationToken);

    public Task SetTicketAsync(long id, string ticketNumber, CancellationToken cancellationToken) =>
        ChangeCaseAsync(
            "UPDATE handoff_cases SET ticket_number = @ticket WHERE id = @id",
            c =>
            {
                Add(c, "@id", id);
                Add(c, "@ticket", ticketNumber);
            },
            cancellationToken);

    public Task SetNotifiedPositionAsync(long id, int position, CancellationToken cancellationToken) =>
        ChangeCaseAsync(
            "UPDATE handoff_cases SET notified_position = @position WHERE id = @id",
            c =>
            {
                Add(c, "@id", id);
                Add(c, "@position", position);
            },
            cancellationToken);

    public Task<bool> TryRecordCsatAsync(long id, int? score, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeCaseAsync(
            "UPDATE handoff_cases SET csat = @score, csat_pending = 0, updated_at = @now WHERE id = @id AND csat_pending = 1",
            c =>
            {
                Add(c, "@id", id);
                Add(c, "@score", score);
                Add(c, "@now", Ms(at));
            },
            cancellationToken);

    // ---- messages and audit ----------------------------------------------------------------------------------------

    public async Task<HandoffMessage> AddMessageAsync(long caseId, HandoffMessageKind kind, string author, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO handoff_messages (case_id, kind, author, text, at) VALUES (@case, @kind, @author, @text, @at) RETURNING id";
        Add(command, "@case", caseId);
        Add(command, "@kind", kind.ToString().ToLowerInvariant());
        Add(command, "@author", author);
        Add(command, "@text", text);
        Add(command, "@at", Ms(at));
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return new HandoffMessage(id, caseId, kind, author, text, at);
    }

    public async Task<IReadOnlyList<HandoffMessage>> ListMessagesAsync(long caseId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, kind, author, text, at FROM handoff_messages WHERE case_id = @case ORDER BY id";
        Add(command, "@case", caseId);
        var messages = new List<HandoffMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new HandoffMessage(
                Long(reader, 0),
                caseId,
                Enum.Parse<HandoffMessageKind>(reader.GetString(1), ignoreCase: true),
                reader.GetString(2),
                reader.GetString(3),
                Time(Long(reader, 4))));
        }

        return messages;
    }

    public async Task AuditAsync(string actor, string action, long? caseId, string? detail, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO handoff_audit (at, actor, action, case_id, detail) VALUES (@at, @actor, @action, @case, @detail)";
        Add(command, "@at", Ms(at));
        Add(command, "@actor", actor);
        Add(command, "@action", action);
        Add(command, "@case", caseId);
        Add(command, "@detail", detail);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAuditAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, actor, action, case_id, detail FROM handoff_audit ORDER BY id DESC LIMIT @limit";
        Add(command, "@limit", limit);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                Long(reader, 0), Time(Long(reader, 1)), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : Long(reader, 4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return entries;
    }

    // ---- agents ----------------------------------------------------------------------------------------------------

    public async Task<AgentAccount?> FindAgentAsync(string username, CancellationToken cancellationToken)
    {
        var agents = await QueryAgentsAsync("WHERE username = @username", c => Add(c, "@username", Normalize(username)), cancellationToken);
        return agents.Count == 0 ? null : agents[0];
    }

    public async Task<bool> AddAgentIfMissingAsync(AgentAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO handoff_agents (username, display_name, password_hash, roles, created_at)
            VALUES (@username, @name, @hash, @roles, @created)
            ON CONFLICT (username) DO NOTHING
            """;
        Add(command, "@username", Normalize(account.Username));
        Add(command, "@name", account.DisplayName);
        Add(command, "@hash", account.PasswordHash);
        Add(command, "@roles", string.Join(',', account.Roles));
        Add(command, "@created", Ms(account.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task UpsertExternalAgentAsync(string username, string displayName, IReadOnlyList<string> roles, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO handoff_agents (username, display_name, password_hash, roles, created_at, last_seen_at)
            VALUES (@username, @name, NULL, @roles, @now, @now)
            ON CONFLICT (username) DO UPDATE SET display_name = excluded.display_name, roles = excluded.roles, last_seen_at = excluded.last_seen_at
            """;
        Add(command, "@username", Normalize(username));
        Add(command, "@name", displayName);
        Add(command, "@roles", string.Join(',', roles));
        Add(command, "@now", Ms(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<AgentAccount>> ListAgentsAsync(CancellationToken cancellationToken) =>
        QueryAgentsAsync("ORDER BY display_name", null, cancellationToken);

    public Task TouchAgentAsync(string username, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteOneAsync(
            "UPDATE handoff_agents SET last_seen_at = @now WHERE username = @username",
            c =>
            {
                Add(c, "@username", Normalize(username));
                Add(c, "@now", Ms(at));
            },
            cancellationToken);

    // ---- transcripts ---------------------------------------------------------------------------------------------------

    public async Task AppendAsync(string conversationKey, DateTimeOffset at, bool inbound, string activityJson, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO bot_transcripts (conversation_key, at, inbound, activity_json) VALUES (@key, @at, @inbound, @json)";
        Add(command, "@key", conversationKey);
        Add(command, "@at", Ms(at));
        Add(command, "@inbound", inbound ? 1 : 0);
        Add(command, "@json", activityJson);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AppendManyAsync(IReadOnlyList<TranscriptRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return;
        }

        await _schema.Value.WaitAsync(cancellationToken);
        await _dialect.InTransactionAsync(
            async command =>
            {
                var insert = command("INSERT INTO bot_transcripts (conversation_key, at, inbound, activity_json) VALUES (@key, @at, @inbound, @json)");
                var key = Add(insert, "@key", string.Empty);
                var at = Add(insert, "@at", 0L);
                var inbound = Add(insert, "@inbound", 0);
                var json = Add(insert, "@json", string.Empty);
                foreach (var record in records)
                {
                    key.Value = record.ConversationKey;
                    at.Value = Ms(record.At);
                    inbound.Value = record.Inbound ? 1 : 0;
                    json.Value = record.ActivityJson;
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            },
            cancellationToken);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM bot_transcripts WHERE at < @cutoff";
        Add(command, "@cutoff", Ms(cutoff));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string conversationKey, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, at, inbound, activity_json FROM bot_transcripts
            WHERE conversation_key = @key ORDER BY id DESC LIMIT @limit
            """;
        Add(command, "@key", conversationKey);
        Add(command, "@limit", limit);
        var entries = new List<TranscriptEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TranscriptEntry(Long(reader, 0), conversationKey, Time(Long(reader, 1)), Long(reader, 2) == 1, reader.GetString(3)));
        }

        entries.Reverse();
        return entries;
    }

    // ---- plumbing --------------------------------------------------------------------------------------------------

    private static string Normalize(string username) => username.Trim().ToLowerInvariant();

    private static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    private static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static long Long(DbDataReader reader, int ordinal) => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static DateTimeOffset? OptionalTime(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Time(Long(reader, ordinal));

    private static string? OptionalString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value; // untyped null: both databases infer the column's type
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static HandoffCase ReadCase(DbDataReader r) => new()
    {
        Id = Long(r, 0),
        ConversationKey = r.GetString(1),
        AdapterName = r.GetString(2),
        ReferenceJson = r.GetString(3),
        Status = HandoffStatuses.Parse(r.GetString(4)),
        Priority = (TicketPriority)Long(r, 5),
        Category = r.GetString(6),
        Trigger = Enum.TryParse<EscalationTrigger>(r.GetString(7), out var trigger) ? trigger : EscalationTrigger.UserAsked,
        Reason = r.GetString(8),
        UserId = OptionalString(r, 9),
        UserName = OptionalString(r, 10),
        ChannelId = r.GetString(11),
        Locale = OptionalString(r, 12),
        ContextJson = r.GetString(13),
        CreatedAt = Time(Long(r, 14)),
        SlaDueAt = Time(Long(r, 15)),
        ClaimedAt = OptionalTime(r, 16),
        FirstResponseAt = OptionalTime(r, 17),
        AgentId = OptionalString(r, 18),
        AgentName = OptionalString(r, 19),
        ClosedAt = OptionalTime(r, 20),
        ResolutionNote = OptionalString(r, 21),
        Csat = r.IsDBNull(22) ? null : (int)Long(r, 22),
        CsatPending = Long(r, 23) == 1,
        TicketNumber = OptionalString(r, 24),
        NotifiedPosition = r.IsDBNull(25) ? null : (int)Long(r, 25),
        Offline = Long(r, 26) == 1,
        UpdatedAt = Time(Long(r, 27)),
    };

    private async Task<IReadOnlyList<HandoffCase>> QueryCasesAsync(string sql, Action<DbCommand>? bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        var cases = new List<HandoffCase>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(ReadCase(reader));
        }

        return cases;
    }

    private async Task<IReadOnlyList<AgentAccount>> QueryAgentsAsync(string where, Action<DbCommand>? bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT username, display_name, password_hash, roles, created_at, last_seen_at FROM handoff_agents " + where;
        bind?.Invoke(command);
        var agents = new List<AgentAccount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            agents.Add(new AgentAccount(
                reader.GetString(0),
                reader.GetString(1),
                OptionalString(reader, 2),
                reader.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Time(Long(reader, 4)),
                OptionalTime(reader, 5)));
        }

        return agents;
    }

    /// <summary>A change to a case: afterwards no conversation is known to be without a current case any more.</summary>
    private async Task<bool> ChangeCaseAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteOneAsync(sql, bind, cancellationToken);
        }
        finally
        {
            CasesChanged();
        }
    }

    /// <summary>Called after (never before) a case row changed, so a lookup that raced the change cannot keep its stale answer.</summary>
    private void CasesChanged()
    {
        if (_withoutCurrentCase is not null)
        {
            Interlocked.Increment(ref _caseGeneration);
            _withoutCurrentCase.Clear();
        }
    }

    private async Task<bool> ExecuteOneAsync(string sql, Action<DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _schema.Value.WaitAsync(cancellationToken);
        return await _dialect.OpenAsync(cancellationToken);
    }

    private async Task CreateSchemaAsync()
    {
        var id = _dialect.IdentityColumn;
        var statements = new[]
        {
            $"""
            CREATE TABLE IF NOT EXISTS handoff_cases (
                id {id},
                conversation_key TEXT NOT NULL,
                adapter TEXT NOT NULL,
                reference_json TEXT NOT NULL,
                status TEXT NOT NULL,
                priority INTEGER NOT NULL,
                category TEXT NOT NULL,
                trigger_kind TEXT NOT NULL,
                reason TEXT NOT NULL,
                user_id TEXT NULL,
                user_name TEXT NULL,
                channel_id TEXT NOT NULL,
                locale TEXT NULL,
                context_json TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                sla_due_at BIGINT NOT NULL,
                claimed_at BIGINT NULL,
                first_response_at BIGINT NULL,
                agent_id TEXT NULL,
                agent_name TEXT NULL,
                closed_at BIGINT NULL,
                resolution_note TEXT NULL,
                csat INTEGER NULL,
                csat_pending INTEGER NOT NULL DEFAULT 0,
                ticket_number TEXT NULL,
                notified_position INTEGER NULL,
                offline INTEGER NOT NULL DEFAULT 0,
                updated_at BIGINT NOT NULL
            )
            """,
            $"CREATE UNIQUE INDEX IF NOT EXISTS ux_handoff_cases_open ON handoff_cases (conversation_key) WHERE status IN ({OpenStatuses})",
            "CREATE INDEX IF NOT EXISTS ix_handoff_cases_conversation ON handoff_cases (conversation_key, id)",
            "CREATE INDEX IF NOT EXISTS ix_handoff_cases_status ON handoff_cases (status, priority, sla_due_at)",
            "CREATE INDEX IF NOT EXISTS ix_handoff_cases_ticket ON handoff_cases (ticket_number)",
            $"""
            CREATE TABLE IF NOT EXISTS handoff_messages (
                id {id},
                case_id BIGINT NOT NULL,
                kind TEXT NOT NULL,
                author TEXT NOT NULL,
                text TEXT NOT NULL,
                at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS ix_handoff_messages_case ON handoff_messages (case_id, id)",
            """
            CREATE TABLE IF NOT EXISTS handoff_agents (
                username TEXT NOT NULL PRIMARY KEY,
                display_name TEXT NOT NULL,
                password_hash TEXT NULL,
                roles TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_seen_at BIGINT NULL
            )
            """,
            $"""
            CREATE TABLE IF NOT EXISTS handoff_audit (
                id {id},
                at BIGINT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                case_id BIGINT NULL,
                detail TEXT NULL
            )
            """,
            $"""
            CREATE TABLE IF NOT EXISTS bot_transcripts (
                id {id},
                conversation_key TEXT NOT NULL,
                at BIGINT NOT NULL,
                inbound INTEGER NOT NULL,
                activity_json TEXT NOT NULL
            )
            """,
            "CREATE INDEX IF NOT EXISTS ix_bot_transcripts_conversation ON bot_transcripts (conversation_key, id)",
            "CREATE INDEX IF NOT EXISTS ix_bot_transcripts_at ON bot_transcripts (at)",
        };

        await using var connection = await _dialect.OpenAsync(CancellationToken.None);
        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}

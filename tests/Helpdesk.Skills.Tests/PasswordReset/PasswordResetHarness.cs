using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Testing;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Audit;
using Helpdesk.Skills.PasswordReset.Dialogs;
using Helpdesk.Skills.PasswordReset.Directory;
using Helpdesk.Skills.PasswordReset.Embedded;
using Helpdesk.Skills.PasswordReset.Limits;
using Helpdesk.Skills.PasswordReset.Links;
using Helpdesk.Skills.PasswordReset.Policy;
using Helpdesk.Skills.PasswordReset.Recovery;
using Helpdesk.Skills.PasswordReset.Security;
using Helpdesk.Skills.PasswordReset.Storage;
using Helpdesk.Skills.PasswordReset.Verification;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Helpdesk.Skills.Tests.PasswordReset;

/// <summary>
/// The whole skill over a real SQLite file (embedded directory with the demo users, codes, links, limits, audit) and
/// a fake clock; conversations run through the redaction middleware and a transcript recorder, as in the host.
/// </summary>
internal sealed class PasswordResetHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _path = Path.Combine(Path.GetTempPath(), "helpdesk-pr-" + Guid.NewGuid().ToString("N") + ".db");

    public PasswordResetHarness(Action<PasswordResetOptions>? configure = null, IAccountDirectory? directory = null, RecordingDispatcher? dispatcher = null)
    {
        Options = new PasswordResetOptions { MinimumResponseTime = TimeSpan.Zero };
        configure?.Invoke(Options);
        Database = SqliteDatabase.ForFile(_path);
        Db = new PasswordResetDb(Database);
        var keys = PasswordResetKeys.Generate();
        Hasher = new SecretHasher(keys);
        Enrollments = new TotpEnrollmentStore(Db, new SecretBox(keys), Time);
        Embedded = new EmbeddedDirectory(Db, Enrollments, Time, seedDemoUsers: true);
        Directory = directory ?? Embedded;
        Dispatcher = dispatcher ?? new RecordingDispatcher();
        Limiter = new VerificationLimiter(Db, Options, Time);
        AuditLog = new SqliteAuditLog(Database, Time);
        Audit = new PasswordResetAudit(AuditLog, [], Options, Time, AuditLogger);
        Links = new ResetLinkService(Db, Hasher, new TestResetPageAddress(), Options, Time);
        var messages = new RecoveryMessages(Options);
        Recovery = new AccountRecoveryService(Directory, Limiter, new OneTimeCodeService(Db, Hasher, Options, Time), new TotpVerifier(Enrollments, Time), Links, Dispatcher, messages, Audit, Hasher, Options, Time);
        Page = new LinkResetService(Directory, Links, new PasswordPolicy(Options, PasswordBlocklist.Default), Limiter, Dispatcher, messages, Audit, Options, Time);
        Storage = new MemoryStorage();
        ConversationState = new ConversationState(Storage);
        Cases = new CaseFileAccessor(ConversationState);
        Dialog = new PasswordResetDialog(Recovery, new PasswordResetTexts(Options), Cases, Time);
        Redactor = new ActivityRedactor(new PatternSecretRedactor());
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public PasswordResetOptions Options { get; }

    public SqliteDatabase Database { get; }

    public PasswordResetDb Db { get; }

    public SecretHasher Hasher { get; }

    public TotpEnrollmentStore Enrollments { get; }

    public EmbeddedDirectory Embedded { get; }

    public IAccountDirectory Directory { get; }

    public RecordingDispatcher Dispatcher { get; }

    public VerificationLimiter Limiter { get; }

    public SqliteAuditLog AuditLog { get; }

    public CapturingLogger<PasswordResetAudit> AuditLogger { get; } = new();

    public PasswordResetAudit Audit { get; }

    public ResetLinkService Links { get; }

    public AccountRecoveryService Recovery { get; }

    public LinkResetService Page { get; }

    public IStorage Storage { get; }

    public ConversationState ConversationState { get; }

    public CaseFileAccessor Cases { get; }

    public PasswordResetDialog Dialog { get; }

    public ActivityRedactor Redactor { get; }

    public List<SkillOutcome> Outcomes { get; } = [];

    /// <summary>Every stored (redacted) activity of every conversation run.</summary>
    public List<TranscriptRecorder> Transcripts { get; } = [];

    public TestAdapter LastAdapter { get; private set; } = null!;

    /// <summary>A new conversation with the skill (channel "test" unless given).</summary>
    public TestFlow Flow(string conversationId = "conv1", string userId = "user1", string? channelId = null)
    {
        var reference = TestAdapter.CreateConversation(conversationId, userId);
        if (channelId is not null)
        {
            reference.ChannelId = channelId;
        }

        var adapter = new TestAdapter(reference, Time);
        adapter.Use(new AutoSaveStateMiddleware(ConversationState));
        adapter.Use(new RedactionMiddleware(ConversationState));
        var transcript = new TranscriptRecorder(Redactor);
        adapter.Use(transcript);
        Transcripts.Add(transcript);
        LastAdapter = adapter;
        var manager = new DialogManager(new SkillHostDialog(Dialog, Outcomes), ConversationState.CreateProperty<DialogState>("DialogState"));
        return new TestFlow(adapter, (ctx, ct) => manager.OnTurnAsync(ctx, ct));
    }

    /// <summary>The authenticator code a demo user's app shows now.</summary>
    public string TotpNow(string userName, TimeSpan offset = default)
    {
        var secret = EmbeddedDemoUsers.All.Single(u => u.Account.UserName == userName).TotpSecret!;
        return TotpVerifier.CodeAt(Base32Encoding.ToBytes(secret), Time.GetUtcNow() + offset);
    }

    public async Task<CaseFile> CaseFileAsync(string conversationId = "conv1")
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation(conversationId), Time);
        CaseFile? file = null;
        await adapter.ProcessActivityAsync(new Activity { Type = ActivityTypes.Event, Name = "peek" }, async (ctx, ct) => file = await Cases.GetAsync(ctx, ct));
        return file!;
    }

    public async Task<IReadOnlyList<AuditRecord>> AuditAsync() => await AuditLog.ReadAsync(null, null, 10_000, CancellationToken.None);

    /// <summary>The link token in a bot reply.</summary>
    public static string TokenIn(string? text)
    {
        var start = text?.IndexOf(TestResetPageAddress.Base, StringComparison.Ordinal) ?? -1;
        Assert.True(start >= 0, "The reply holds no reset link: " + text);
        return new string(text![(start + TestResetPageAddress.Base.Length)..].TakeWhile(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.PasswordReset.Audit;
using Helpdesk.Skills.PasswordReset.Dialogs;
using Helpdesk.Skills.PasswordReset.Directory;
using Helpdesk.Skills.PasswordReset.Embedded;

namespace Helpdesk.Skills.Tests.PasswordReset;

public sealed class PasswordResetDialogTests : IDisposable
{
    private readonly PasswordResetHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Reset_AuthenticatorCode_IssuesSingleUseLinkAndCaseFileSaysVerified()
    {
        string? reply = null;
        await _h.Flow()
            .Send("I forgot my password")
            .AssertReplyContains("user name or work e-mail")
            .Send("ada@contoso.example")
            .AssertReplyContains("How would you like to get one?")
            .Send("authenticator app")
            .AssertReplyContains("Open your authenticator app")
            .Send(_h.TotpNow("ada"))
            .AssertReply("Thanks — you're verified.")
            .AssertReply(a => reply = a.Text, "the reset link")
            .AssertReply("Outcome: Resolved")
            .StartTestAsync();

        var token = PasswordResetHarness.TokenIn(reply);
        Assert.Contains("works **once**", reply, StringComparison.Ordinal);
        Assert.True((await _h.Links.InspectAsync(token, default)).IsValid);
        var file = await _h.CaseFileAsync();
        Assert.Equal(new CaseIdentity("ada@contoso.example", true, "totp"), file.Identity);
        Assert.Equal(PasswordResetDialog.Category, file.Category);
        Assert.Contains(file.StepsTried, s => s.Answer == "single-use reset link issued");
        var events = (await _h.AuditAsync()).Select(r => r.Entry.Event).ToList();
        Assert.Equal([AuditEvents.VerificationStarted, AuditEvents.TotpVerified, AuditEvents.LinkIssued], events);
    }

    [Fact]
    public async Task Reset_EmailCode_SentOnlyToTheRegisteredAlternateAddress()
    {
        await _h.Flow()
            .Send("reset password")
            .AssertReplyContains("user name")
            .Send("ada")
            .AssertReplyContains("How would you like")
            .Send("email")
            .AssertReplyContains("If **ada** has a registered alternate e-mail address, I've just sent a 6-digit code")
            .Do(() => Task.CompletedTask, "code delivered")
            .StartTestAsync();

        var sent = Assert.Single(_h.Dispatcher.Sent);
        Assert.Equal("ada.lovelace@home.example", sent.To);
        var code = _h.Dispatcher.LastCodeTo("ada.lovelace@home.example");
        Assert.Equal(6, code.Length);

        await _h.Flow()
            .Send(code[..3] + " " + code[3..])
            .AssertReply("Thanks — you're verified.")
            .AssertReplyContains(TestResetPageAddress.Base)
            .AssertReply("Outcome: Resolved")
            .StartTestAsync();
    }

    [Fact]
    public async Task Unlock_LockedAccount_UnlocksWithoutResetAndMailboxIsTold()
    {
        Assert.True((await _h.Directory.FindAsync("sam", default))!.IsLocked);
        await _h.Flow()
            .Send("my account is locked")
            .AssertReplyContains("unlock your account")
            .Send("sam@contoso.example")
            .AssertReplyContains("How would you like")
            .Send("1")
            .AssertReplyContains("authenticator app")
            .Send(_h.TotpNow("sam"))
            .AssertReply("Thanks — you're verified.")
            .AssertReply("Done — your account is unlocked. You can sign in again now.")
            .AssertReplyWithSuggestedActions("Do you also want to reset your password (if you don't remember it)?", "Yes", "No")
            .Send("no thanks")
            .AssertReplyContains("Okay.")
            .AssertReply("Outcome: Resolved")
            .StartTestAsync();

        Assert.False((await _h.Directory.FindAsync("sam", default))!.IsLocked);
        Assert.Contains(_h.Dispatcher.Sent, m => m.Purpose == "notification" && m.To == "sam@contoso.example" && m.Subject.Contains("unlocked", StringComparison.Ordinal));
        Assert.DoesNotContain((await _h.AuditAsync()).Select(r => r.Entry.Event), e => e == AuditEvents.LinkIssued);
        Assert.Contains((await _h.AuditAsync()).Select(r => r.Entry.Event), e => e == AuditEvents.AccountUnlocked);
    }

    [Fact]
    public async Task CantSignIn_LockedAccount_UnlocksThenOffersReset()
    {
        await _h.Flow()
            .Send("I can't sign in")
            .AssertReplyContains("user name")
            .Send("sam")
            .AssertReplyContains("How would you like")
            .Send("authenticator")
            .AssertReplyContains("authenticator app")
            .Send(_h.TotpNow("sam"))
            .AssertReply("Thanks — you're verified.")
            .AssertReplyContains("Your account was locked — I've unlocked it.")
            .Send("yes")
            .AssertReplyContains(TestResetPageAddress.Base)
            .AssertReply("Outcome: Resolved")
            .StartTestAsync();
    }

    [Fact]
    public async Task Reset_WrongCodeThreeTimes_CodeDeadThenPersonOffered()
    {
        await _h.Flow()
            .Send("reset password")
            .AssertReplyContains("user name")
            .Send("ada")
            .AssertReplyContains("How would you like")
            .Send("e-mail me a code")
            .AssertReplyContains("I've just sent")
            .StartTestAsync();

        await _h.Flow()
            .Send(WrongCodeFor("ada.lovelace@home.example"))
            .AssertReply("That code isn't right. You can try 2 more times.")
            .Send(WrongCodeFor("ada.lovelace@home.example"))
            .AssertReply("That code isn't right. You can try 1 more time.")
            .Send(WrongCodeFor("ada.lovelace@home.example"))
            .AssertReplyContains("That code can't be used any more.")
            .Send(_h.Dispatcher.LastCodeTo("ada.lovelace@home.example"))
            .AssertReplyContains("That code can't be used any more.")
            .Send("talk to a person")
            .AssertReplyContains("I couldn't verify your identity here")
            .AssertReply("Outcome: Escalate")
            .StartTestAsync();

        var outcome = Assert.Single(_h.Outcomes);
        Assert.Equal(EscalationTrigger.VerificationFailed, outcome.Escalation!.Trigger);
        Assert.Equal("account/password", outcome.Escalation.Category);
        Assert.Equal(TicketPriority.P3, outcome.Escalation.Priority);
        Assert.StartsWith("Identity not verified", outcome.Escalation.Reason, StringComparison.Ordinal);
        Assert.False((await _h.CaseFileAsync()).Identity!.Verified);
        Assert.Equal(4, (await _h.AuditAsync()).Count(r => r.Entry.Event == AuditEvents.CodeRejected));
    }

    [Fact]
    public async Task Reset_CodeAfterTenMinutes_ExpiredAndNewCodeWorks()
    {
        await _h.Flow()
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("email").AssertReplyContains("I've just sent")
            .StartTestAsync();
        var first = _h.Dispatcher.LastCodeTo("ada.lovelace@home.example");
        _h.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        await _h.Flow()
            .Send(first)
            .AssertReplyContains("That code has expired.")
            .Send("send a new code")
            .AssertReplyContains("I've just sent")
            .StartTestAsync();
        var second = _h.Dispatcher.LastCodeTo("ada.lovelace@home.example");
        await _h.Flow()
            .Send(second)
            .AssertReply("Thanks — you're verified.")
            .AssertReplyContains(TestResetPageAddress.Base)
            .AssertReply("Outcome: Resolved")
            .StartTestAsync();
    }

    [Fact]
    public async Task Totp_SameCodeTwice_SecondIsAReplay()
    {
        var code = _h.TotpNow("ada");
        await _h.Flow("c1", "u1")
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send(code).AssertReply("Thanks — you're verified.")
            .StartTestAsync();

        await _h.Flow("c2", "u2")
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send(code).AssertReplyContains("That code was already used.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Totp_OneStepDriftAccepted_TwoStepsRejected()
    {
        await _h.Flow("c1")
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send(_h.TotpNow("ada", TimeSpan.FromSeconds(-60))).AssertReplyContains("That code isn't right.")
            .Send(_h.TotpNow("ada", TimeSpan.FromSeconds(-30))).AssertReply("Thanks — you're verified.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Enumeration_UnknownAccount_SameAnswersAsARealOneAndNothingSent()
    {
        var real = await RepliesFor("c-real", "ada");
        var madeUp = await RepliesFor("c-fake", "zelda.nobody");

        Assert.Equal(real.Select(r => r.Replace("**ada**", "**X**", StringComparison.Ordinal)), madeUp.Select(r => r.Replace("**zelda.nobody**", "**X**", StringComparison.Ordinal)));
        Assert.Single(_h.Dispatcher.Sent); // only ada's code
        var audit = await _h.AuditAsync();
        Assert.Contains(audit, r => r.Entry.Event == AuditEvents.CodeSent && r.Entry.Outcome == "unknown-account" && r.Entry.Account.StartsWith("unknown:", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, r => r.Entry.Account.Contains("zelda", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enumeration_AccountWithoutMethods_SameAnswersAsOneWithMethods()
    {
        var withMethods = await RepliesFor("c-ada", "ada");
        var without = await RepliesFor("c-lee", "lee");

        Assert.Equal(withMethods.Select(r => r.Replace("**ada**", "**X**", StringComparison.Ordinal)), without.Select(r => r.Replace("**lee**", "**X**", StringComparison.Ordinal)));
        Assert.DoesNotContain(_h.Dispatcher.Sent, m => m.To.Contains("lee", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoRegisteredMethod_NoneOfThese_EscalatesNotVerified()
    {
        await _h.Flow()
            .Send("reset password").AssertReplyContains("user name")
            .Send("lee").AssertReplyContains("How would you like")
            .Send("I have none of these")
            .AssertReplyContains("Without a registered way to verify you")
            .AssertReply("Outcome: Escalate")
            .StartTestAsync();

        Assert.Equal(EscalationTrigger.VerificationFailed, _h.Outcomes.Single().Escalation!.Trigger);
        Assert.Equal(new CaseIdentity("lee@contoso.example", false, null), (await _h.CaseFileAsync()).Identity);
    }

    [Fact]
    public async Task RateLimit_SixthCodeForOneAccountInAnHour_RefusedAndEscalated()
    {
        for (var i = 0; i < 5; i++)
        {
            await _h.Flow("c" + i, "u" + i)
                .Send("reset password").AssertReplyContains("user name")
                .Send("ada").AssertReplyContains("How would you like")
                .Send("email").AssertReplyContains("I've just sent")
                .StartTestAsync();
        }

        await _h.Flow("c5", "u5")
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("email").AssertReplyContains("For your security I can't send more codes right now")
            .AssertReply("Outcome: Escalate")
            .StartTestAsync();

        Assert.Equal(5, _h.Dispatcher.Sent.Count);
        Assert.Contains(await _h.AuditAsync(), r => r.Entry.Event == AuditEvents.RateLimited && r.Entry.Detail!.Contains("too-many-codes", StringComparison.Ordinal));

        // An hour later codes flow again.
        _h.Time.Advance(TimeSpan.FromHours(1));
        await _h.Flow("c6", "u6")
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("email").AssertReplyContains("I've just sent")
            .StartTestAsync();
    }

    [Fact]
    public async Task Abuse_TenFailuresForAnAccount_BlocksSelfServiceAndRaisesAnAlert()
    {
        var alerts = new List<AuditAlert>();
        _h.Audit.AlertRaised += (_, alert) => alerts.Add(alert);

        // Attackers in several conversations guess authenticator codes for sam.
        for (var c = 0; c < 4; c++)
        {
            var flow = _h.Flow("c" + c, "attacker" + c)
                .Send("reset password").AssertReplyContains("user name")
                .Send("sam").AssertReplyContains("How would you like")
                .Send("app").AssertReplyContains("authenticator app");
            var guesses = c < 3 ? 3 : 1;
            for (var g = 0; g < guesses; g++)
            {
                flow = flow.Send("00000" + g).AssertReply(_ => { }, "an answer");
            }

            await flow.StartTestAsync();
        }

        Assert.Contains(alerts, a => a.Kind == "account-failures" && a.Subject == "sam@contoso.example" && a.Failures == 5);
        Assert.Contains(_h.AuditLogger.Lines, l => l.EventId == PasswordResetAudit.AnomalyEventId && l.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        Assert.Contains(await _h.AuditAsync(), r => r.Entry.Event == AuditEvents.Blocked && r.Entry.Outcome == "blocked");

        // Even with the right code, self-service stays closed for the account, from a fresh conversation.
        await _h.Flow("c-later", "sam-herself")
            .Send("reset password").AssertReplyContains("user name")
            .Send("sam").AssertReplyContains("How would you like")
            .Send("app")
            .AssertReplyContains("self-service for this request is paused")
            .AssertReply("Outcome: Escalate")
            .StartTestAsync();

        // After the block (24 h by default) it works again.
        _h.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await _h.Flow("c-next-day", "sam-herself")
            .Send("reset password").AssertReplyContains("user name")
            .Send("sam").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send(_h.TotpNow("sam")).AssertReply("Thanks — you're verified.")
            .StartTestAsync();
    }

    [Fact]
    public async Task ConversationLimit_ManyAttemptsInOneConversation_Refused()
    {
        _h.Options.MaxAttemptsPerConversationPerHour = 4;
        var flow = _h.Flow()
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send("000001").AssertReplyContains("isn't right")
            .Send("000002").AssertReplyContains("isn't right")
            .Send("another way").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send("000003").AssertReplyContains("isn't right")
            .Send("000004").AssertReplyContains("isn't right")
            .Send("000005").AssertReplyContains("I can't check more codes in this conversation")
            .AssertReply("Outcome: Escalate");
        await flow.StartTestAsync();
    }

    [Fact]
    public async Task Cooldown_AfterASuccessfulReset_SecondResetRefusedUntilItEnds()
    {
        string? reply = null;
        await _h.Flow("c1")
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send(_h.TotpNow("ada")).AssertReply("Thanks — you're verified.")
            .AssertReply(a => reply = a.Text, "link")
            .StartTestAsync();
        var done = await _h.Page.ResetAsync(PasswordResetHarness.TokenIn(reply), "Velvet-Lantern-Orbit-Quarry-9", "Velvet-Lantern-Orbit-Quarry-9", "10.0.0.1", default);
        Assert.Equal(Helpdesk.Skills.PasswordReset.Recovery.PageResetKind.Changed, done.Kind);

        _h.Time.Advance(TimeSpan.FromMinutes(5));
        await _h.Flow("c2")
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send(_h.TotpNow("ada")).AssertReply("Thanks — you're verified.")
            .AssertReplyContains("Your password was reset very recently")
            .AssertReply("Outcome: Escalate")
            .StartTestAsync();
        Assert.True((await _h.CaseFileAsync("c2")).Identity!.Verified);
    }

    [Fact]
    public async Task Teams_ChannelIdentity_UsedAsHintButStillNeedsACode()
    {
        var ada = EmbeddedDemoUsers.All.Single(u => u.Account.UserName == "ada");
        var message = new Activity { Type = ActivityTypes.Message, Text = "reset my password", From = new ChannelAccount("29:1ada", "Ada Lovelace") { AadObjectId = ada.ObjectId } };
        await _h.Flow(channelId: ChannelIds.Msteams)
            .Send(message)
            .AssertReplyWithSuggestedActions("I can see you're signed in as **ada@contoso.example**. Is this about that account?", "Yes", "No")
            .Send(new Activity { Type = ActivityTypes.Message, Text = "yes", From = message.From })
            .AssertReplyContains("How would you like to get one?")
            .Send(new Activity { Type = ActivityTypes.Message, Text = "app", From = message.From })
            .AssertReplyContains("authenticator app")
            .Send(new Activity { Type = ActivityTypes.Message, Text = _h.TotpNow("ada"), From = message.From })
            .AssertReply("Thanks — you're verified.")
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_SaysNo_AsksForTheAccount()
    {
        var ada = EmbeddedDemoUsers.All.Single(u => u.Account.UserName == "ada");
        var from = new ChannelAccount("29:1ada", "Ada Lovelace") { AadObjectId = ada.ObjectId };
        await _h.Flow(channelId: ChannelIds.Msteams)
            .Send(new Activity { Type = ActivityTypes.Message, Text = "reset my password", From = from })
            .AssertReplyContains("Is this about that account?")
            .Send(new Activity { Type = ActivityTypes.Message, Text = "no, another account", From = from })
            .AssertReplyContains("user name or work e-mail")
            .StartTestAsync();
    }

    [Fact]
    public async Task DirectoryDown_OffersAPersonAndNothingChanges()
    {
        using var h = new PasswordResetHarness(directory: new UnavailableDirectory());
        await h.Flow()
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada")
            .AssertReplyContains("I can't reach the account directory right now")
            .AssertReply("Outcome: Escalate")
            .StartTestAsync();
        Assert.Contains(await h.AuditAsync(), r => r.Entry.Event == AuditEvents.DirectoryUnavailable);
        Assert.Contains("directory was unavailable", h.Outcomes.Single().Escalation!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_WhileWaitingForACode_ShowsHelpAndAsksForTheCodeAgainAsASecret()
    {
        var code = _h.TotpNow("ada");
        await _h.Flow()
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send("help").AssertReply(_ => { }, "help").AssertReplyContains("authenticator app")
            .Send(code).AssertReply("Thanks — you're verified.")
            .StartTestAsync();

        Assert.All(_h.Transcripts.SelectMany(t => t.Stored), stored => Assert.DoesNotContain(code, stored, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Secrets_CodesAndLinks_NeverInTheStoredTranscriptOrState()
    {
        string? link = null;
        await _h.Flow()
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("email").AssertReplyContains("I've just sent")
            .StartTestAsync();
        var code = _h.Dispatcher.LastCodeTo("ada.lovelace@home.example");
        await _h.Flow()
            .Send(code).AssertReply("Thanks — you're verified.")
            .AssertReply(a => link = a.Text, "link")
            .StartTestAsync();
        var token = PasswordResetHarness.TokenIn(link);

        var stored = _h.Transcripts.SelectMany(t => t.Stored).ToList();
        Assert.Contains(stored, s => s.Contains(RedactionMarker.Text, StringComparison.Ordinal));
        Assert.All(stored, s =>
        {
            Assert.DoesNotContain(code, s, StringComparison.Ordinal);
            Assert.DoesNotContain(token, s, StringComparison.Ordinal);
        });
        var state = System.Text.Json.JsonSerializer.Serialize(await _h.Storage.ReadAsync(["test/conversations/conv1"], default));
        Assert.DoesNotContain(code, state, StringComparison.Ordinal);
        Assert.DoesNotContain(token, state, StringComparison.Ordinal);
        var audit = System.Text.Json.JsonSerializer.Serialize(await _h.AuditAsync());
        Assert.DoesNotContain(code, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(token, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountName_Unreadable_ThreeTimes_EscalatesNotVerified()
    {
        await _h.Flow()
            .Send("reset password").AssertReplyContains("user name")
            .Send("my name is ada").AssertReplyContains("doesn't look like a user name")
            .Send("?? !!").AssertReplyContains("doesn't look like a user name")
            .Send("i dont know").AssertReplyContains("I couldn't verify your identity")
            .AssertReply("Outcome: Escalate")
            .StartTestAsync();
    }

    [Fact]
    public async Task TemporaryPasswordMode_SentOutOfBandMustChangeAndNeverInTheChat()
    {
        using var h = new PasswordResetHarness(o => o.ResetMode = "TemporaryPassword");
        var replies = new List<string>();
        await h.Flow()
            .Send("reset password").AssertReplyContains("user name")
            .Send("ada").AssertReplyContains("How would you like")
            .Send("app").AssertReplyContains("authenticator app")
            .Send(h.TotpNow("ada")).AssertReply("Thanks — you're verified.")
            .AssertReply(a => replies.Add(a.Text!), "temporary password notice")
            .AssertReply("Outcome: Resolved")
            .StartTestAsync();

        Assert.Contains("sent it to your registered alternate e-mail address", replies[0], StringComparison.Ordinal);
        var message = Assert.Single(h.Dispatcher.Sent, m => m.Purpose == "temporary-password");
        Assert.Equal("ada.lovelace@home.example", message.To);
        var password = message.Body["Your temporary password is: ".Length..message.Body.IndexOf('\n', StringComparison.Ordinal)];
        Assert.DoesNotContain(password, replies[0], StringComparison.Ordinal);
        Assert.Equal(Helpdesk.Skills.PasswordReset.Embedded.SignInResult.MustChangePassword, await h.Embedded.SignInAsync("ada", password, default));
        Assert.Contains(await h.AuditAsync(), r => r.Entry.Event == AuditEvents.TemporaryPasswordIssued && r.Entry.Detail!.Contains("must-change=true", StringComparison.Ordinal));
    }

    private string WrongCodeFor(string to)
    {
        var right = _h.Dispatcher.LastCodeTo(to);
        return right == "000000" ? "111111" : "000000";
    }

    private async Task<List<string>> RepliesFor(string conversationId, string account)
    {
        var replies = new List<string>();
        await _h.Flow(conversationId, "u-" + conversationId)
            .Send("reset password").AssertReply(a => replies.Add(a.Text!), "ask")
            .Send(account).AssertReply(a => replies.Add(a.Text! + "|" + string.Join(",", a.SuggestedActions!.Actions!.Select(x => x.Title))), "methods")
            .Send("email").AssertReply(a => replies.Add(a.Text!), "sent")
            .Send("123456").AssertReply(a => replies.Add(a.Text!), "wrong")
            .StartTestAsync();
        return replies;
    }

    private sealed class UnavailableDirectory : IAccountDirectory
    {
        public string Name => "down";

        public Task<DirectoryAccount?> FindAsync(string identifier, CancellationToken cancellationToken) => throw new DirectoryUnavailableException("LDAP server unavailable");

        public Task<DirectoryAccount?> FindByIdAsync(string id, CancellationToken cancellationToken) => throw new DirectoryUnavailableException("LDAP server unavailable");

        public Task UnlockAsync(DirectoryAccount account, CancellationToken cancellationToken) => throw new DirectoryUnavailableException();

        public Task<PasswordChangeResult> SetPasswordAsync(DirectoryAccount account, string newPassword, bool mustChangeAtNextSignIn, CancellationToken cancellationToken) => throw new DirectoryUnavailableException();
    }
}

using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.PasswordReset.Directory;
using Helpdesk.Skills.PasswordReset.Recovery;
using Helpdesk.Skills.PasswordReset.Verification;

namespace Helpdesk.Skills.PasswordReset.Dialogs;

/// <summary>
/// Self-service password reset and account unlock as a conversation: identify the account (the channel's identity
/// as a hint, confirmed by the user), verify with something the user has (authenticator code, or a code sent to the
/// registered alternate e-mail or phone), then unlock or hand out a single-use reset link — the password never enters
/// the chat. Whenever that is not possible (no method, verification failed, limits, directory down) it ends with
/// <see cref="SkillOutcome.Escalate"/>, identity flagged not verified. Every code the user types is a secret
/// (<see cref="TurnSecretsExtensions.ExpectSecretReply"/>), and so is the link the bot sends.
/// </summary>
public sealed class PasswordResetDialog : Dialog
{
    public const string DialogId = nameof(PasswordResetDialog);
    public const string CaseSource = "password-reset";
    public const string Category = "account/password";

    private const string SessionKey = "session";
    private const string MethodNoneValue = "none";
    private const int MaxNotUnderstood = 3;

    private static readonly ChoiceRecognizer Recognizer = new();

    private static readonly IReadOnlyList<Choice> YesNo =
    [
        new(PasswordResetTexts.Yes, ["yes", "y", "yeah", "yep", "yes please", "sure", "ok", "okay", "correct", "that's me", "thats me", "it is", "right"]),
        new(PasswordResetTexts.No, ["no", "n", "nope", "no thanks", "not me", "different account", "another account", "someone else"]),
    ];

    private static readonly IReadOnlyList<Choice> CodeCommands =
    [
        new(PasswordResetTexts.SendNewCode, ["resend", "send again", "send it again", "new code", "send a new code", "another code", "didnt get it", "didn't get it", "i didnt get a code", "no code", "not received", "didnt receive it", "nothing came"]),
        new(PasswordResetTexts.AnotherWay, ["another way", "other way", "different way", "another method", "different method", "change method", "other method", "back"]),
        new(PasswordResetTexts.TalkToPerson, ["talk to a person", "agent", "human", "person", "service desk", "helpdesk", "help desk", "someone"]),
    ];

    private readonly AccountRecoveryService _recovery;
    private readonly PasswordResetTexts _texts;
    private readonly CaseFileAccessor _cases;
    private readonly TimeProvider _time;

    public PasswordResetDialog(AccountRecoveryService recovery, PasswordResetTexts texts, CaseFileAccessor cases, TimeProvider time)
        : base(DialogId)
    {
        _recovery = recovery ?? throw new ArgumentNullException(nameof(recovery));
        _texts = texts ?? throw new ArgumentNullException(nameof(texts));
        _cases = cases ?? throw new ArgumentNullException(nameof(cases));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var request = ActivitySerializer.ConvertPayload<PasswordResetRequest>(options) ?? new PasswordResetRequest(PasswordResetIntent.Reset);
        var session = new RecoverySession { Intent = request.EffectiveIntent };
        var file = await _cases.GetAsync(dc.Context, cancellationToken);
        file.Category = Category;
        file.AddStep(CaseSource, "Asked for " + IntentName(session.Intent), null, _time.GetUtcNow());
        try
        {
            var (objectId, upn) = ChannelIdentity(dc.Context.Activity);
            var channelAccount = objectId is null && upn is null ? null : await _recovery.FindChannelAccountAsync(objectId, upn, cancellationToken);
            if (channelAccount is not null)
            {
                session.ChannelAccountId = channelAccount.Id;
                session.ChannelAccountName = channelAccount.SignInName;
                session.Stage = RecoveryStage.ConfirmChannelAccount;
            }
            else
            {
                session.Stage = RecoveryStage.AskAccount;
            }
        }
        catch (DirectoryUnavailableException)
        {
            return await DirectoryDownAsync(dc, session, cancellationToken);
        }

        await AskAsync(dc.Context, session, cancellationToken);
        return Save(dc, session);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }

        var session = Load(dc.ActiveDialog!);
        var text = dc.Context.Activity.Text?.Trim() ?? string.Empty;
        try
        {
            return session.Stage switch
            {
                RecoveryStage.ConfirmChannelAccount => await OnConfirmChannelAccountAsync(dc, session, text, cancellationToken),
                RecoveryStage.AskAccount => await OnAccountAsync(dc, session, text, cancellationToken),
                RecoveryStage.ChooseMethod => await OnMethodAsync(dc, session, text, cancellationToken),
                RecoveryStage.AwaitCode => await OnCodeAsync(dc, session, text, cancellationToken),
                RecoveryStage.OfferReset => await OnOfferResetAsync(dc, session, text, cancellationToken),
                _ => throw new InvalidOperationException($"Unknown password-reset stage {session.Stage}."),
            };
        }
        catch (DirectoryUnavailableException)
        {
            return await DirectoryDownAsync(dc, session, cancellationToken);
        }
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return AskAsync(turnContext, Load(instance), cancellationToken);
    }

    private async Task<DialogTurnResult> OnConfirmChannelAccountAsync(DialogContext dc, RecoverySession session, string text, CancellationToken cancellationToken)
    {
        var answer = Pick(text, YesNo);
        if (answer is null)
        {
            return await NotUnderstoodAsync(dc, session, _texts.YesNoRetry, "could not confirm the account", cancellationToken);
        }

        session.NotUnderstood = 0;
        if (answer == PasswordResetTexts.Yes && session.ChannelAccountId is not null && await DirectoryAccountAsync(session.ChannelAccountId, cancellationToken) is { } account)
        {
            session.Target = AccountRecoveryService.TargetFor(account);
            await RecordIdentityAsync(dc.Context, session, cancellationToken);
            session.Stage = RecoveryStage.ChooseMethod;
        }
        else
        {
            session.Stage = RecoveryStage.AskAccount;
        }

        await AskAsync(dc.Context, session, cancellationToken);
        return Save(dc, session);
    }

    private async Task<DialogTurnResult> OnAccountAsync(DialogContext dc, RecoverySession session, string text, CancellationToken cancellationToken)
    {
        var identifier = AccountIdentifier.Normalize(text);
        if (identifier is null)
        {
            return await NotUnderstoodAsync(dc, session, _texts.AccountNotUnderstood, "could not name the account", cancellationToken);
        }

        session.NotUnderstood = 0;
        session.Target = await _recovery.IdentifyAsync(identifier, cancellationToken);
        await RecordIdentityAsync(dc.Context, session, cancellationToken);
        session.Stage = RecoveryStage.ChooseMethod;
        await AskAsync(dc.Context, session, cancellationToken);
        return Save(dc, session);
    }

    private async Task<DialogTurnResult> OnMethodAsync(DialogContext dc, RecoverySession session, string text, CancellationToken cancellationToken)
    {
        var choices = MethodChoices();
        var picked = Pick(text, choices);
        if (picked is null && Pick(text, CodeCommands) == PasswordResetTexts.TalkToPerson)
        {
            picked = MethodNoneValue;
        }

        if (picked is null)
        {
            return await NotUnderstoodAsync(dc, session, _texts.MethodNotUnderstood, "could not choose a verification method", cancellationToken);
        }

        session.NotUnderstood = 0;
        if (picked == MethodNoneValue || !Enum.TryParse<VerificationMethodKind>(picked, out var method))
        {
            await AddStepAsync(dc.Context, "Verification method", "none registered / none chosen", cancellationToken);
            return await EscalateAsync(dc, session, _texts.NoMethodHandoff, "no verification method available", cancellationToken);
        }

        return await StartVerificationAsync(dc, session, method, cancellationToken);
    }

    private async Task<DialogTurnResult> StartVerificationAsync(DialogContext dc, RecoverySession session, VerificationMethodKind method, CancellationToken cancellationToken)
    {
        var started = await _recovery.StartAsync(session.Target!, method, Context(dc.Context), cancellationToken);
        if (started.Kind == StartKind.Refused)
        {
            var message = started.Refusal!.Reason == "blocked" ? _texts.Blocked : _texts.TooManyCodes(started.Refusal.RetryAt);
            await AddStepAsync(dc.Context, "Verification by " + MethodName(method), "refused: " + started.Refusal.Reason, cancellationToken);
            return await EscalateAsync(dc, session, message + " " + _texts.NotVerifiedHandoff, "limit reached (" + started.Refusal.Reason + ")", cancellationToken);
        }

        session.Method = method;
        session.CodeId = started.CodeId;
        session.TotpFailures = 0;
        session.Stage = RecoveryStage.AwaitCode;
        await AddStepAsync(dc.Context, "Verification by " + MethodName(method), started.Kind == StartKind.CodeSent ? "code sent (if registered)" : "asked for the app code", cancellationToken);
        await AskAsync(dc.Context, session, cancellationToken);
        return Save(dc, session);
    }

    private async Task<DialogTurnResult> OnCodeAsync(DialogContext dc, RecoverySession session, string text, CancellationToken cancellationToken)
    {
        var method = session.Method ?? VerificationMethodKind.Totp;
        var digits = _recovery.CodeLength(method);
        var code = CodeFormat.Parse(text, digits);
        if (code is null)
        {
            switch (Pick(text, CodeCommands))
            {
                case PasswordResetTexts.SendNewCode when method != VerificationMethodKind.Totp:
                    return await StartVerificationAsync(dc, session, method, cancellationToken);
                case PasswordResetTexts.SendNewCode:
                case PasswordResetTexts.AnotherWay:
                    session.Stage = RecoveryStage.ChooseMethod;
                    await SendAsync(dc.Context, MethodPrompt(_texts.ChooseMethodAgain), cancellationToken);
                    return Save(dc, session);
                case PasswordResetTexts.TalkToPerson:
                    return await EscalateAsync(dc, session, _texts.NotVerifiedHandoff, "the user asked for a person before verification", cancellationToken);
                default:
                    session.NotUnderstood++;
                    if (session.NotUnderstood >= MaxNotUnderstood)
                    {
                        return await EscalateAsync(dc, session, _texts.NotVerifiedHandoff, "no valid code entered", cancellationToken);
                    }

                    dc.Context.ExpectSecretReply();
                    await SendAsync(dc.Context, MessageFactory.SuggestedActions(CodeCommandTitles(method), _texts.CodeFormat(digits)), cancellationToken);
                    return Save(dc, session);
            }
        }

        session.NotUnderstood = 0;
        var outcome = await _recovery.CheckAsync(session.Target!, method, session.CodeId, code, Context(dc.Context), cancellationToken);
        if (outcome.Verified)
        {
            session.Verified = true;
            await AddStepAsync(dc.Context, "Verification by " + MethodName(method), "verified", cancellationToken);
            await RecordIdentityAsync(dc.Context, session, cancellationToken);
            await SendAsync(dc.Context, MessageFactory.Text(_texts.Verified), cancellationToken);
            return await ActAsync(dc, session, cancellationToken);
        }

        if (outcome.Refusal is not null || outcome.Blocked)
        {
            var message = outcome.Blocked || outcome.Refusal?.Reason == "blocked" ? _texts.Blocked : _texts.TooManyAttempts;
            await AddStepAsync(dc.Context, "Verification by " + MethodName(method), outcome.Blocked ? "failed; self-service blocked" : "refused: " + outcome.Refusal!.Reason, cancellationToken);
            return await EscalateAsync(dc, session, message + " " + _texts.NotVerifiedHandoff, outcome.Blocked ? "too many failed verifications (blocked)" : "limit reached (" + outcome.Refusal!.Reason + ")", cancellationToken);
        }

        await AddStepAsync(dc.Context, "Verification by " + MethodName(method), "failed: " + outcome.Status.ToString()!.ToLowerInvariant(), cancellationToken);
        switch (outcome.Status)
        {
            case CodeCheckStatus.Wrong when method == VerificationMethodKind.Totp:
                session.TotpFailures++;
                var left = _recovery.MaxTotpAttempts - session.TotpFailures;
                if (left <= 0)
                {
                    session.Stage = RecoveryStage.ChooseMethod;
                    await SendAsync(dc.Context, MethodPrompt(_texts.TotpFailedTooOften), cancellationToken);
                    return Save(dc, session);
                }

                dc.Context.ExpectSecretReply();
                await SendAsync(dc.Context, MessageFactory.Text(_texts.WrongTotp(left), InputHints.ExpectingInput), cancellationToken);
                return Save(dc, session);
            case CodeCheckStatus.Wrong:
                dc.Context.ExpectSecretReply();
                await SendAsync(dc.Context, MessageFactory.Text(_texts.WrongCode(outcome.AttemptsLeft), InputHints.ExpectingInput), cancellationToken);
                return Save(dc, session);
            case CodeCheckStatus.Replayed:
                dc.Context.ExpectSecretReply();
                await SendAsync(dc.Context, MessageFactory.Text(_texts.TotpReplayed, InputHints.ExpectingInput), cancellationToken);
                return Save(dc, session);
            default:
                // Expired or used up: a new code, another way, or a person.
                session.CodeId = null;
                dc.Context.ExpectSecretReply();
                await SendAsync(dc.Context, MessageFactory.SuggestedActions(CodeCommandTitles(method), outcome.Status == CodeCheckStatus.Expired ? _texts.CodeExpired : _texts.CodeDead), cancellationToken);
                return Save(dc, session);
        }
    }

    private async Task<DialogTurnResult> ActAsync(DialogContext dc, RecoverySession session, CancellationToken cancellationToken)
    {
        var account = await _recovery.GetAccountAsync(session.Target!, cancellationToken);
        if (account is null)
        {
            return await EscalateAsync(dc, session, _texts.ResetFailed, "the verified account is no longer in the directory", cancellationToken);
        }

        switch (session.Intent)
        {
            case PasswordResetIntent.Unlock:
                if (account.IsLocked)
                {
                    await _recovery.UnlockAsync(account, Context(dc.Context), cancellationToken);
                    await AddStepAsync(dc.Context, "Account unlock", "unlocked", cancellationToken);
                    await SendAsync(dc.Context, MessageFactory.Text(_texts.Unlocked), cancellationToken);
                    session.Stage = RecoveryStage.OfferReset;
                    await SendAsync(dc.Context, MessageFactory.SuggestedActions([PasswordResetTexts.Yes, PasswordResetTexts.No], _texts.OfferResetAfterUnlock), cancellationToken);
                }
                else
                {
                    await AddStepAsync(dc.Context, "Account unlock", "was not locked", cancellationToken);
                    session.Stage = RecoveryStage.OfferReset;
                    await SendAsync(dc.Context, MessageFactory.SuggestedActions([PasswordResetTexts.Yes, PasswordResetTexts.No], _texts.NotLocked + " " + _texts.OfferResetNotLocked), cancellationToken);
                }

                return Save(dc, session);

            case PasswordResetIntent.CantSignIn when account.IsLocked:
                await _recovery.UnlockAsync(account, Context(dc.Context), cancellationToken);
                await AddStepAsync(dc.Context, "Account unlock", "unlocked", cancellationToken);
                session.Stage = RecoveryStage.OfferReset;
                await SendAsync(dc.Context, MessageFactory.SuggestedActions([PasswordResetTexts.Yes, PasswordResetTexts.No], _texts.WasLockedUnlocked + " " + _texts.OfferResetAfterUnlock), cancellationToken);
                return Save(dc, session);

            case PasswordResetIntent.CantSignIn:
                await SendAsync(dc.Context, MessageFactory.Text(_texts.NotLockedSoReset), cancellationToken);
                return await IssueResetAsync(dc, session, account, cancellationToken);

            default:
                return await IssueResetAsync(dc, session, account, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> OnOfferResetAsync(DialogContext dc, RecoverySession session, string text, CancellationToken cancellationToken)
    {
        var answer = Pick(text, YesNo);
        if (answer is null)
        {
            session.NotUnderstood++;
            if (session.NotUnderstood >= MaxNotUnderstood)
            {
                await SendAsync(dc.Context, MessageFactory.Text(_texts.NoReset), cancellationToken);
                return await dc.EndDialogAsync(SkillOutcome.Resolved, cancellationToken);
            }

            await SendAsync(dc.Context, MessageFactory.SuggestedActions([PasswordResetTexts.Yes, PasswordResetTexts.No], _texts.YesNoRetry), cancellationToken);
            return Save(dc, session);
        }

        if (answer == PasswordResetTexts.No)
        {
            await AddStepAsync(dc.Context, "Offered a password reset", "no", cancellationToken);
            await SendAsync(dc.Context, MessageFactory.Text(_texts.NoReset), cancellationToken);
            return await dc.EndDialogAsync(SkillOutcome.Resolved, cancellationToken);
        }

        var account = await _recovery.GetAccountAsync(session.Target!, cancellationToken);
        return account is null
            ? await EscalateAsync(dc, session, _texts.ResetFailed, "the verified account is no longer in the directory", cancellationToken)
            : await IssueResetAsync(dc, session, account, cancellationToken);
    }

    private async Task<DialogTurnResult> IssueResetAsync(DialogContext dc, RecoverySession session, DirectoryAccount account, CancellationToken cancellationToken)
    {
        var issue = await _recovery.IssueResetAsync(account, Context(dc.Context), cancellationToken);
        switch (issue.Kind)
        {
            case ResetIssueKind.Link:
                dc.Context.MarkSecret(issue.Link!.Url);
                dc.Context.MarkSecret(issue.Link.Token);
                await AddStepAsync(dc.Context, "Password reset", "single-use reset link issued", cancellationToken);
                await SendAsync(dc.Context, MessageFactory.Text(_texts.ResetLink(issue.Link.Url, issue.Link.ExpiresAt)), cancellationToken);
                return await dc.EndDialogAsync(SkillOutcome.Resolved, cancellationToken);
            case ResetIssueKind.TemporaryPassword:
                await AddStepAsync(dc.Context, "Password reset", "temporary password sent out of band", cancellationToken);
                await SendAsync(dc.Context, MessageFactory.Text(_texts.TemporaryPasswordSent(issue.DeliveredBy == Delivery.DeliveryChannel.Sms)), cancellationToken);
                return await dc.EndDialogAsync(SkillOutcome.Resolved, cancellationToken);
            case ResetIssueKind.CoolingDown:
                await AddStepAsync(dc.Context, "Password reset", "refused: reset cooldown", cancellationToken);
                return await EscalateAsync(dc, session, _texts.CoolingDown(issue.CooldownEnds!.Value), "reset cooldown after a recent self-service reset", cancellationToken);
            default:
                await AddStepAsync(dc.Context, "Password reset", "failed in the directory", cancellationToken);
                return await EscalateAsync(dc, session, _texts.ResetFailed, "the directory refused the reset", cancellationToken);
        }
    }

    private async Task<DialogTurnResult> NotUnderstoodAsync(DialogContext dc, RecoverySession session, string retry, string reason, CancellationToken cancellationToken)
    {
        session.NotUnderstood++;
        if (session.NotUnderstood >= MaxNotUnderstood)
        {
            return await EscalateAsync(dc, session, _texts.NotVerifiedHandoff, reason, cancellationToken);
        }

        var prompt = session.Stage switch
        {
            RecoveryStage.ChooseMethod => MethodPrompt(retry),
            RecoveryStage.ConfirmChannelAccount => MessageFactory.SuggestedActions([PasswordResetTexts.Yes, PasswordResetTexts.No], retry),
            _ => MessageFactory.Text(retry, InputHints.ExpectingInput),
        };
        await SendAsync(dc.Context, prompt, cancellationToken);
        return Save(dc, session);
    }

    private async Task<DialogTurnResult> EscalateAsync(DialogContext dc, RecoverySession session, string message, string reason, CancellationToken cancellationToken)
    {
        await SendAsync(dc.Context, MessageFactory.Text(message), cancellationToken);
        var file = await _cases.GetAsync(dc.Context, cancellationToken);
        file.Identity = new CaseIdentity(session.Target?.AuditName ?? session.Target?.Name, session.Verified, session.Verified ? MethodCode(session.Method) : null);
        file.AddStep(CaseSource, "Handed to a person", reason, _time.GetUtcNow());
        await _recovery.RecordEscalationAsync(session.Target, Context(dc.Context), reason, cancellationToken);
        var prefix = session.Verified ? "Identity verified; " : "Identity not verified: ";
        return await dc.EndDialogAsync(
            SkillOutcome.Escalate(new EscalationRequest(EscalationTrigger.VerificationFailed, Category, TicketPriority.P3, prefix + reason)),
            cancellationToken);
    }

    private async Task<DialogTurnResult> DirectoryDownAsync(DialogContext dc, RecoverySession session, CancellationToken cancellationToken)
    {
        await _recovery.RecordDirectoryUnavailableAsync(session.Target, Context(dc.Context), cancellationToken);
        return await EscalateAsync(dc, session, _texts.DirectoryUnavailable, "the directory was unavailable", cancellationToken);
    }

    private Task AskAsync(ITurnContext turnContext, RecoverySession session, CancellationToken cancellationToken)
    {
        switch (session.Stage)
        {
            case RecoveryStage.ConfirmChannelAccount:
                return SendAsync(turnContext, MessageFactory.SuggestedActions([PasswordResetTexts.Yes, PasswordResetTexts.No], _texts.ConfirmChannelAccount(session.ChannelAccountName!)), cancellationToken);
            case RecoveryStage.AskAccount:
                return SendAsync(turnContext, MessageFactory.Text(_texts.AskAccount(session.Intent), InputHints.ExpectingInput), cancellationToken);
            case RecoveryStage.ChooseMethod:
                return SendAsync(turnContext, MethodPrompt(_texts.ChooseMethod(session.Target!.Name)), cancellationToken);
            case RecoveryStage.AwaitCode:
                turnContext.ExpectSecretReply();
                var method = session.Method ?? VerificationMethodKind.Totp;
                var question = method switch
                {
                    VerificationMethodKind.Email => _texts.CodeSentEmail(session.Target!.Name),
                    VerificationMethodKind.Sms => _texts.CodeSentSms(session.Target!.Name),
                    _ => _texts.AskTotp(session.Target!.Name),
                };
                return SendAsync(turnContext, MessageFactory.SuggestedActions(CodeCommandTitles(method), question), cancellationToken);
            default:
                return SendAsync(turnContext, MessageFactory.SuggestedActions([PasswordResetTexts.Yes, PasswordResetTexts.No], _texts.OfferResetAfterUnlock), cancellationToken);
        }
    }

    private Activity MethodPrompt(string text) =>
        MessageFactory.SuggestedActions(MethodChoices().Select(c => c.Value == MethodNoneValue ? PasswordResetTexts.MethodNone : TitleOf(c.Value)), text);

    private IReadOnlyList<Choice> MethodChoices()
    {
        var choices = new List<Choice>();
        foreach (var method in _recovery.OfferedMethods)
        {
            choices.Add(method switch
            {
                VerificationMethodKind.Totp => new Choice(nameof(VerificationMethodKind.Totp), [PasswordResetTexts.MethodTotp, "authenticator", "app", "totp", "microsoft authenticator", "google authenticator", "authy", "code from my app"]),
                VerificationMethodKind.Email => new Choice(nameof(VerificationMethodKind.Email), [PasswordResetTexts.MethodEmail, "email", "e-mail", "mail", "alternate email", "personal email", "email code"]),
                _ => new Choice(nameof(VerificationMethodKind.Sms), [PasswordResetTexts.MethodSms, "sms", "text", "text message", "phone", "mobile", "text me"]),
            });
        }

        choices.Add(new Choice(MethodNoneValue, [PasswordResetTexts.MethodNone, "none", "none of these", "i dont have any", "i have none", "neither", "no"]));
        return choices;
    }

    private static string TitleOf(string method) => method switch
    {
        nameof(VerificationMethodKind.Totp) => PasswordResetTexts.MethodTotp,
        nameof(VerificationMethodKind.Email) => PasswordResetTexts.MethodEmail,
        _ => PasswordResetTexts.MethodSms,
    };

    private static IEnumerable<string> CodeCommandTitles(VerificationMethodKind method) => method == VerificationMethodKind.Totp
        ? [PasswordResetTexts.AnotherWay, PasswordResetTexts.TalkToPerson]
        : [PasswordResetTexts.SendNewCode, PasswordResetTexts.AnotherWay, PasswordResetTexts.TalkToPerson];

    private static string? Pick(string text, IReadOnlyList<Choice> choices)
    {
        var recognition = Recognizer.Recognize(text, choices);
        return recognition.Succeeded ? recognition.Choice!.Value : null;
    }

    private async Task<DirectoryAccount?> DirectoryAccountAsync(string id, CancellationToken cancellationToken) =>
        await _recovery.GetAccountAsync(new RecoveryTarget("acct:" + id, id, id, id), cancellationToken);

    private async Task RecordIdentityAsync(ITurnContext turnContext, RecoverySession session, CancellationToken cancellationToken)
    {
        var file = await _cases.GetAsync(turnContext, cancellationToken);
        file.Identity = new CaseIdentity(session.Target?.AuditName ?? session.Target?.Name, session.Verified, session.Verified ? MethodCode(session.Method) : null);
        file.UpdatedAt = _time.GetUtcNow();
    }

    private async Task AddStepAsync(ITurnContext turnContext, string step, string answer, CancellationToken cancellationToken) =>
        (await _cases.GetAsync(turnContext, cancellationToken)).AddStep(CaseSource, step, answer, _time.GetUtcNow());

    private static Task SendAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(activity, cancellationToken);

    private static RecoveryContext Context(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var channel = activity.ChannelId ?? "unknown";
        return new RecoveryContext(channel, activity.Conversation?.Id ?? "-", channel + ":" + (activity.From?.Id ?? "-"));
    }

    /// <summary>The identity the channel vouches for: Teams' Entra object id (and a UPN when the channel adds one).</summary>
    private static (string? ObjectId, string? UserPrincipalName) ChannelIdentity(Activity activity)
    {
        if (!string.Equals(activity.ChannelId, ChannelIds.Msteams, StringComparison.OrdinalIgnoreCase) || activity.From is null)
        {
            return (null, null);
        }

        string? upn = null;
        if (activity.From.Properties?.TryGetValue("userPrincipalName", out var value) == true && value.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            upn = value.GetString();
        }

        return (string.IsNullOrWhiteSpace(activity.From.AadObjectId) ? null : activity.From.AadObjectId, upn);
    }

    private static string IntentName(PasswordResetIntent intent) => intent switch
    {
        PasswordResetIntent.Unlock => "an account unlock",
        PasswordResetIntent.CantSignIn => "help signing in",
        _ => "a password reset",
    };

    private static string MethodName(VerificationMethodKind method) => method switch
    {
        VerificationMethodKind.Totp => "authenticator app",
        VerificationMethodKind.Email => "e-mail code",
        _ => "text-message code",
    };

    private static string? MethodCode(VerificationMethodKind? method) => method?.ToString().ToLowerInvariant();

    private static RecoverySession Load(DialogInstance instance) =>
        instance.State.GetValue<RecoverySession>(SessionKey) ?? throw new InvalidOperationException("The password-reset dialog has no session state.");

    private static DialogTurnResult Save(DialogContext dc, RecoverySession session)
    {
        dc.ActiveDialog!.State[SessionKey] = session;
        return EndOfTurn;
    }
}

using System.Data.Common;
using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Helpdesk.Skills.Troubleshooting.Model;
using Helpdesk.Skills.Troubleshooting.UserDirectory;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>
/// Runs one flow: shows each step with its answers as buttons, reads the reply (button, number, words with typos),
/// records the step and the answer in the case file, and moves on until an outcome ends the dialog with a
/// <see cref="SkillOutcome"/>. Back, start again, "this didn't help" and asking for a person work at every step.
/// Built-in actions run without asking. Where the conversation is lives in the dialog state (<see cref="FlowRunState"/>),
/// so it continues after a restart.
/// </summary>
internal sealed class FlowRunnerDialog(TroubleshootingServices services) : Dialog(DialogId)
{
    public const string DialogId = "Troubleshooting.run";

    private const string StateKey = "run";
    private const int MaxAutomaticSteps = 64;

    private static readonly ChoiceRecognizer IncidentRecognizer = new();

    private static readonly IReadOnlyList<Choice> IncidentChoices =
    [
        new(TroubleshootingTexts.NotifyButton, ["notify me", "notify", "yes", "yes please", "keep me posted", "let me know", "updates", "send me updates", "subscribe", "tell me when its fixed", "tell me when fixed"]),
        new(TroubleshootingTexts.DifferentButton, ["different", "its different", "something else", "not this", "thats not it", "my problem is something else", "troubleshoot anyway", "troubleshoot it anyway", "continue"]),
        new(TroubleshootingTexts.ThanksButton, ["ok", "okay", "thanks", "ok thanks", "thank you", "no", "no thanks", "fine", "ill wait", "got it", "cool"]),
    ];

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var flowId = options as string ?? ActivitySerializer.ConvertPayload<string>(options);
        var flow = flowId is null ? null : services.Catalog.Find(flowId);
        if (flow is null)
        {
            await dc.Context.SendActivityAsync(TroubleshootingTexts.FlowUnavailable, cancellationToken);
            return await dc.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
        }

        var run = new FlowRunState { FlowId = flow.Id };
        dc.ActiveDialog!.State[StateKey] = run;
        var turn = await FlowTurn.CreateAsync(dc, flow, run, services, cancellationToken);
        turn.Case.Category = flow.Category;
        turn.Record($"Started guided troubleshooting: {flow.Title}", null);

        if (flow.Services.Count > 0 && await TryShowIncidentAsync(turn, flow.Services, flow.Start.Target, cancellationToken))
        {
            return EndOfTurn;
        }

        await turn.SendAsync(TroubleshootingTexts.Intro, cancellationToken);
        return await GoToAsync(turn, flow.Start.Target, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsType(ActivityTypes.Message))
        {
            return EndOfTurn;
        }

        var run = dc.ActiveDialog!.State.GetValue<FlowRunState>(StateKey) ?? new FlowRunState();
        var flow = services.Catalog.Find(run.FlowId);
        if (flow is null)
        {
            await dc.Context.SendActivityAsync(TroubleshootingTexts.FlowUnavailable, cancellationToken);
            return await dc.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
        }

        var turn = await FlowTurn.CreateAsync(dc, flow, run, services, cancellationToken);
        if (run.IncidentId is not null)
        {
            return await OnIncidentAnswerAsync(turn, cancellationToken);
        }

        var node = flow.Find(run.NodeId);
        if (node is null || node.IsTerminal || (node.Kind == FlowNodeKind.Action && node.Action != FlowActionKind.SearchKnowledge))
        {
            // The flow file changed under a running conversation and its step is gone.
            await turn.SendAsync(TroubleshootingTexts.FlowChanged, cancellationToken);
            run.History.Clear();
            return await GoToAsync(turn, flow.Start.Target, cancellationToken);
        }

        var (options, mode) = AnswersOf(node);
        var answer = FlowAnswerRecognizer.Recognize(dc.Context.Activity.Text, options, mode, canGoBack: run.History.Count > 0);
        if (answer.Kind != FlowAnswerKind.None)
        {
            run.Misses = 0;
        }

        switch (answer.Kind)
        {
            case FlowAnswerKind.Option:
                var label = options[answer.Index].Value;
                return await AnsweredAsync(turn, node, label, TargetOf(node, answer.Index), cancellationToken);

            case FlowAnswerKind.Text:
                var value = turn.Capture(node.Capture!, answer.Text!);
                return await AnsweredAsync(turn, node, value, node.Next!.Target, cancellationToken);

            case FlowAnswerKind.Skip:
                return await AnsweredAsync(turn, node, "(skipped)", node.Next!.Target, cancellationToken);

            case FlowAnswerKind.Back:
                var previous = run.History[^1];
                run.History.RemoveAt(run.History.Count - 1);
                turn.Record($"Went back from: {turn.Fill(node.DisplayTitle)}", null);
                return await GoToAsync(turn, previous, cancellationToken);

            case FlowAnswerKind.StartAgain:
                run.History.Clear();
                turn.Record("Started the steps again from the top", null);
                await turn.SendAsync(TroubleshootingTexts.FromTheTop, cancellationToken);
                return await GoToAsync(turn, flow.Start.Target, cancellationToken);

            case FlowAnswerKind.NotHelped:
                turn.Record(turn.Fill(node.DisplayTitle), TroubleshootingTexts.NotHelpedButton);
                return await EscalateAsync(turn, EscalationTrigger.FlowEscalated, flow.Category, flow.Priority,
                    $"{flow.Title}: the guided steps didn't help (stopped at \"{turn.Fill(node.DisplayTitle)}\").",
                    TroubleshootingTexts.NotHelpedEscalation, cancellationToken);

            case FlowAnswerKind.Person:
                turn.Record(turn.Fill(node.DisplayTitle), "Asked for a person");
                return await EscalateAsync(turn, EscalationTrigger.UserAsked, flow.Category, flow.Priority,
                    $"{flow.Title}: the user asked for a person at \"{turn.Fill(node.DisplayTitle)}\".",
                    TroubleshootingTexts.PersonEscalation, cancellationToken);

            default:
                run.Misses++;
                if (run.Misses >= services.Options.MaxUnrecognizedAnswers)
                {
                    turn.Record(turn.Fill(node.DisplayTitle), "(answers not understood)");
                    return await EscalateAsync(turn, EscalationTrigger.FlowEscalated, flow.Category, flow.Priority,
                        $"{flow.Title}: the bot couldn't understand the user's answers at \"{turn.Fill(node.DisplayTitle)}\".",
                        TroubleshootingTexts.TooManyMisses, cancellationToken);
                }

                await turn.SendAsync(mode == FlowAnswerMode.FreeText ? TroubleshootingTexts.NotUnderstoodText : TroubleshootingTexts.NotUnderstood, cancellationToken);
                return await GoToAsync(turn, node.Id, cancellationToken);
        }
    }

    public override async Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(instance);
        var run = instance.State.GetValue<FlowRunState>(StateKey);
        var flow = run is null ? null : services.Catalog.Find(run.FlowId);
        if (run is null || flow is null)
        {
            return;
        }

        var turn = await FlowTurn.CreateAsync(turnContext, flow, run, services, cancellationToken);
        if (run.IncidentId is not null)
        {
            await turn.SendAsync(ChoiceRenderer.Render(TroubleshootingTexts.IncidentQuestion, [.. IncidentChoices.Select(c => c.Value)]), cancellationToken);
        }
        else if (flow.Find(run.NodeId) is { } node)
        {
            await ShowAsync(turn, node, cancellationToken);
        }
    }

    private static (IReadOnlyList<Choice> Options, FlowAnswerMode Mode) AnswersOf(FlowNode node) => node.Kind switch
    {
        FlowNodeKind.Question => ([.. node.Choices.Select(c => new Choice(c.Label, c.Synonyms))], FlowAnswerMode.Choice),
        FlowNodeKind.Instructions when node.Next is not null => ([FlowAnswerRecognizer.DoneChoice], FlowAnswerMode.Choice),
        FlowNodeKind.Input => (node.Optional ? [FlowAnswerRecognizer.SkipChoice] : [], FlowAnswerMode.FreeText),
        _ => ([FlowAnswerRecognizer.YesChoice, FlowAnswerRecognizer.NoChoice], FlowAnswerMode.YesNo),
    };

    private static string TargetOf(FlowNode node, int index) => node.Kind switch
    {
        FlowNodeKind.Question => node.Choices[index].Next,
        FlowNodeKind.Instructions when node.Next is not null => node.Next.Target,
        _ => index == 0 ? node.Yes!.Target : node.No!.Target,
    };

    private async Task<DialogTurnResult> AnsweredAsync(FlowTurn turn, FlowNode node, string answer, string target, CancellationToken cancellationToken)
    {
        if (node.Action == FlowActionKind.SearchKnowledge)
        {
            var helped = string.Equals(answer, TroubleshootingTexts.YesButton, StringComparison.Ordinal);
            foreach (var article in turn.Run.ShownArticles)
            {
                turn.Case.SetArticleFeedback(article, helped, turn.Now);
            }

            turn.Run.ShownArticles.Clear();
            turn.Record(TroubleshootingTexts.SearchQuestion, answer);
        }
        else
        {
            turn.Record(turn.Fill(node.DisplayTitle), answer);
        }

        turn.Run.History.Add(node.Id);
        return await GoToAsync(turn, target, cancellationToken);
    }

    /// <summary>Goes to <paramref name="nodeId"/>: runs actions on the way, then shows the next step or ends with the outcome.</summary>
    private async Task<DialogTurnResult> GoToAsync(FlowTurn turn, string nodeId, CancellationToken cancellationToken)
    {
        var id = nodeId;
        for (var hop = 0; hop < MaxAutomaticSteps; hop++)
        {
            var node = turn.Flow.Find(id);
            if (node is null)
            {
                return await EscalateAsync(turn, EscalationTrigger.BotError, turn.Flow.Category, turn.Flow.Priority,
                    $"{turn.Flow.Title}: the flow has no step '{id}' (a flow file error).", TroubleshootingTexts.Escalated, cancellationToken);
            }

            if (node.IsTerminal)
            {
                return await FinishAsync(turn, node, cancellationToken);
            }

            switch (node.Action)
            {
                case FlowActionKind.LookupUser:
                    var found = await LookUpUserAsync(turn, cancellationToken);
                    id = found || node.NotFound is null ? node.Next!.Target : node.NotFound.Target;
                    continue;

                case FlowActionKind.CheckIncidents:
                    var servicesToCheck = node.Services.Count > 0 ? node.Services : turn.Flow.Services;
                    if (await TryShowIncidentAsync(turn, servicesToCheck, node.Next!.Target, cancellationToken))
                    {
                        return EndOfTurn;
                    }

                    id = node.Next!.Target;
                    continue;

                case FlowActionKind.SearchKnowledge when !await ShowAsync(turn, node, cancellationToken):
                    id = node.No!.Target;
                    continue;

                case FlowActionKind.SearchKnowledge:
                    turn.Run.NodeId = node.Id;
                    return EndOfTurn;

                default:
                    await ShowAsync(turn, node, cancellationToken);
                    turn.Run.NodeId = node.Id;
                    return EndOfTurn;
            }
        }

        return await EscalateAsync(turn, EscalationTrigger.BotError, turn.Flow.Category, turn.Flow.Priority,
            $"{turn.Flow.Title}: the flow's actions looped without asking anything (a flow file error).", TroubleshootingTexts.Escalated, cancellationToken);
    }

    /// <summary>Shows an interactive step; false for a knowledge search that found nothing.</summary>
    private async Task<bool> ShowAsync(FlowTurn turn, FlowNode node, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        if (node.Action == FlowActionKind.SearchKnowledge)
        {
            var query = turn.Fill(node.Query ?? turn.Flow.Title);
            var results = services.Knowledge?.Search(query, services.Options.SearchResults) ?? [];
            if (results.Count == 0)
            {
                turn.Record($"Searched the help articles for \"{query}\": nothing found", null);
                return false;
            }

            turn.Run.ShownArticles = [.. results.Select(r => r.Id)];
            if (node.Text is not null)
            {
                parts.Add(turn.Fill(node.Text));
            }

            parts.Add(TroubleshootingTexts.SearchFoundIntro);
            parts.Add(string.Join("\n", results.Select((r, i) => $"{i + 1}. {ArticleLine(r.Id, r.Title)} — {r.Summary}")));
            parts.Add($"**{TroubleshootingTexts.SearchQuestion}**");
            foreach (var result in results)
            {
                turn.Case.AddArticle(result.Id, result.Title, query, turn.Now);
            }

            turn.Record($"Searched the help articles for \"{query}\": showed {string.Join(", ", results.Select(r => r.Id))}", null);
        }
        else
        {
            if (node.Kind == FlowNodeKind.Instructions && node.Title is not null)
            {
                parts.Add($"**{turn.Fill(node.Title)}**");
            }

            parts.Add(turn.Fill(node.Text ?? node.DisplayTitle));
            foreach (var reference in node.Articles)
            {
                if (services.Knowledge?.GetArticle(reference.Id) is { } article)
                {
                    parts.Add(TroubleshootingTexts.RelatedArticle(article.Title, Link(article.Id)));
                    turn.Case.AddArticle(article.Id, article.Title, $"troubleshooting:{turn.Flow.Id}", turn.Now);
                }
            }

            if (node.Kind == FlowNodeKind.Instructions && node.Yes is not null)
            {
                parts.Add($"**{turn.Fill(node.Ask ?? TroubleshootingTexts.DefaultFixedQuestion)}**");
            }
        }

        var (options, _) = AnswersOf(node);
        var buttons = FlowAnswerRecognizer.Buttons(options, turn.Run.History.Count > 0).Select(c => c.Value).ToList();
        await turn.SendAsync(ChoiceRenderer.Render(string.Join("\n\n", parts), buttons), cancellationToken);
        return true;
    }

    private string ArticleLine(string id, string title) => Link(id) is { } link ? $"[{title}]({link})" : $"**{title}**";

    private string? Link(string id) =>
        string.IsNullOrWhiteSpace(services.Options.ArticleLinkFormat) ? null : services.Options.ArticleLinkFormat.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);

    private async Task<bool> LookUpUserAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var activity = turn.Context.Activity;
        var identity = turn.Case.Identity;
        var request = new DirectoryLookupRequest(activity.ChannelId, activity.From?.Id, activity.From?.AadObjectId, activity.From?.Name, identity?.Account, identity?.Verified == true);
        var user = await services.Directory.FindAsync(request, cancellationToken);
        if (user is null)
        {
            turn.Record("Looked the user up in the directory: not found", null);
            return false;
        }

        var device = user.Devices.Count > 0 ? user.Devices[0] : null;
        var facts = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["user.name"] = user.DisplayName,
            ["user.email"] = user.Email,
            ["user.department"] = user.Department,
            ["user.office"] = user.Office,
            ["user.manager"] = user.Manager,
            ["device.name"] = device?.Name,
            ["device.os"] = device?.OperatingSystem,
            ["device.compliant"] = device?.Compliant is { } compliant ? (compliant ? "yes" : "no") : null,
            ["user.locked"] = user.AccountLocked is { } locked ? (locked ? "yes" : "no") : null,
        };
        foreach (var (name, value) in facts)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                turn.Case.Capture(name, value, turn.Now);
            }
        }

        var devices = user.Devices.Count == 0 ? "no devices" : string.Join(", ", user.Devices.Select(d => d.OperatingSystem is null ? d.Name : $"{d.Name} ({d.OperatingSystem})"));
        var lockout = user.AccountLocked == true ? "; the account is locked" : string.Empty;
        turn.Record($"Looked the user up in the directory: {user.DisplayName}{(user.Department is null ? string.Empty : $", {user.Department}")}; {devices}{lockout}", null);
        return true;
    }

    private async Task<bool> TryShowIncidentAsync(FlowTurn turn, IReadOnlyList<string> serviceNames, string resumeAt, CancellationToken cancellationToken)
    {
        IReadOnlyList<Incident> active;
        try
        {
            active = [.. (await services.Incidents.FindActiveAsync(serviceNames, cancellationToken))
                .Where(i => !turn.Run.DismissedIncidents.Contains(i.Id, StringComparer.OrdinalIgnoreCase))];
        }
        catch (Exception ex) when (ex is DbException or IOException)
        {
            // The incident store being down must not stop anyone troubleshooting.
            turn.Record($"Known incidents for {string.Join(", ", serviceNames)} could not be checked", null);
            return false;
        }

        if (active.Count == 0)
        {
            turn.Record($"Checked known incidents for {string.Join(", ", serviceNames)}: none active", null);
            return false;
        }

        var incident = active[0];
        var stats = await services.Incidents.RecordReportAsync(incident.Id, IncidentReporter.KeyOf(turn.Context.Activity), cancellationToken);
        turn.Run.IncidentId = incident.Id;
        turn.Run.ResumeNodeId = resumeAt;
        turn.Run.NodeId = null;
        turn.Case.Capture("known_incident", $"{incident.Id}: {incident.Title} ({incident.Status})", turn.Now);
        turn.Record($"Known incident shown: {incident.Id} — {incident.Title} ({incident.Status})", null);
        var text = TroubleshootingTexts.Incident(incident, stats, active.Count - 1, turn.Context.Activity.LocalTimestamp?.Offset, turn.Now);
        await turn.SendAsync(ChoiceRenderer.Render(text, [.. IncidentChoices.Select(c => c.Value)]), cancellationToken);
        return true;
    }

    private async Task<DialogTurnResult> OnIncidentAnswerAsync(FlowTurn turn, CancellationToken cancellationToken)
    {
        var run = turn.Run;
        var incidentId = run.IncidentId!;
        var text = turn.Context.Activity.Text;
        var recognized = IncidentRecognizer.Recognize(text, IncidentChoices);
        var command = FlowAnswerRecognizer.Recognize(text, [], FlowAnswerMode.YesNo, canGoBack: false).Kind;
        if (!recognized.Succeeded && command is FlowAnswerKind.Person or FlowAnswerKind.NotHelped)
        {
            turn.Record($"Known incident {incidentId}", "Asked for a person");
            return await EscalateAsync(turn, EscalationTrigger.UserAsked, turn.Flow.Category, turn.Flow.Priority,
                $"{turn.Flow.Title}: affected by known incident {incidentId}; the user asked for a person.", TroubleshootingTexts.PersonEscalation, cancellationToken);
        }

        switch (recognized.Succeeded ? recognized.Choice!.Index : -1)
        {
            case 0:
                var reference = turn.Context.Activity.GetConversationReference();
                reference.ActivityId = null;
                var subscription = new IncidentSubscription(incidentId, IncidentReporter.KeyOf(turn.Context.Activity), reference, turn.Now)
                {
                    UtcOffset = turn.Context.Activity.LocalTimestamp?.Offset,
                };
                await services.Incidents.SubscribeAsync(subscription, cancellationToken);

                // The update will come proactively: the host keeps how to reach this conversation (and through which adapter).
                turn.Context.KeepConversationReference();
                turn.Record($"Known incident {incidentId}", TroubleshootingTexts.NotifyButton);
                await turn.SendAsync(TroubleshootingTexts.Subscribed, cancellationToken);
                return await turn.Dc.EndDialogAsync(SkillOutcome.Ended, cancellationToken);

            case 1:
                turn.Record($"Known incident {incidentId}", TroubleshootingTexts.DifferentButton);
                run.DismissedIncidents.Add(incidentId);
                run.IncidentId = null;
                run.Misses = 0;
                await turn.SendAsync(TroubleshootingTexts.Intro, cancellationToken);
                return await GoToAsync(turn, run.ResumeNodeId ?? turn.Flow.Start.Target, cancellationToken);

            case 2:
                turn.Record($"Known incident {incidentId}", TroubleshootingTexts.ThanksButton);
                await turn.SendAsync(TroubleshootingTexts.WaitForFix, cancellationToken);
                return await turn.Dc.EndDialogAsync(SkillOutcome.Ended, cancellationToken);

            default:
                run.Misses++;
                if (run.Misses >= services.Options.MaxUnrecognizedAnswers)
                {
                    turn.Record($"Known incident {incidentId}", "(answers not understood)");
                    await turn.SendAsync(TroubleshootingTexts.WaitForFix, cancellationToken);
                    return await turn.Dc.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
                }

                await turn.SendAsync(ChoiceRenderer.Render(TroubleshootingTexts.Retry(TroubleshootingTexts.IncidentQuestion), [.. IncidentChoices.Select(c => c.Value)]), cancellationToken);
                return EndOfTurn;
        }
    }

    private async Task<DialogTurnResult> FinishAsync(FlowTurn turn, FlowNode node, CancellationToken cancellationToken)
    {
        if (!node.Escalates)
        {
            await turn.SendAsync(turn.Fill(node.Text ?? TroubleshootingTexts.Resolved), cancellationToken);
            turn.Record("Outcome: resolved", null);
            return await turn.Dc.EndDialogAsync(SkillOutcome.Resolved, cancellationToken);
        }

        return await EscalateAsync(turn, EscalationTrigger.FlowEscalated, node.Category ?? turn.Flow.Category, node.Priority ?? turn.Flow.Priority,
            turn.Fill(node.Reason ?? turn.Flow.Title), turn.Fill(node.Text ?? TroubleshootingTexts.Escalated), cancellationToken);
    }

    private static async Task<DialogTurnResult> EscalateAsync(FlowTurn turn, EscalationTrigger trigger, string category, TicketPriority priority, string reason, string message, CancellationToken cancellationToken)
    {
        await turn.SendAsync(message, cancellationToken);
        turn.Case.Category = category;
        turn.Record($"Outcome: escalated ({priority}, {category}) — {reason}", null);
        return await turn.Dc.EndDialogAsync(SkillOutcome.Escalate(new EscalationRequest(trigger, category, priority, reason)), cancellationToken);
    }

    /// <summary>One turn of one flow: the dialog context, the flow, where we are, and the case file.</summary>
    private sealed class FlowTurn
    {
        private readonly TroubleshootingServices _services;

        private FlowTurn(ITurnContext context, DialogContext? dc, Flow flow, FlowRunState run, CaseFile caseFile, TroubleshootingServices services)
        {
            Context = context;
            DcOrNull = dc;
            Flow = flow;
            Run = run;
            Case = caseFile;
            _services = services;
        }

        public ITurnContext Context { get; }

        public DialogContext Dc => DcOrNull ?? throw new InvalidOperationException("No dialog context while reprompting.");

        public Flow Flow { get; }

        public FlowRunState Run { get; }

        public CaseFile Case { get; }

        public DateTimeOffset Now => _services.Time.GetUtcNow();

        private DialogContext? DcOrNull { get; }

        public static Task<FlowTurn> CreateAsync(DialogContext dc, Flow flow, FlowRunState run, TroubleshootingServices services, CancellationToken cancellationToken) =>
            CreateAsync(dc.Context, dc, flow, run, services, cancellationToken);

        public static Task<FlowTurn> CreateAsync(ITurnContext context, Flow flow, FlowRunState run, TroubleshootingServices services, CancellationToken cancellationToken) =>
            CreateAsync(context, null, flow, run, services, cancellationToken);

        public void Record(string step, string? answer) => Case.AddStep($"troubleshooting:{Flow.Id}", step, answer, Now);

        /// <summary>Stores a free-text answer (secrets scrubbed; a reply marked secret is never kept) and returns what was stored.</summary>
        public string Capture(string name, string text)
        {
            foreach (var key in RecoveryKeyGuard.Find(text))
            {
                Context.MarkSecret(key);
            }

            var value = Context.InboundIsSecret()
                ? RedactionMarker.Text
                : _services.Redactor.Redact(text, TurnSecrets.Find(Context));
            Case.Capture(name, value, Now);
            return value;
        }

        public string Fill(string text) => FlowPlaceholders.Fill(text, Case.Captured);

        public Task SendAsync(string text, CancellationToken cancellationToken) =>
            Context.SendActivityAsync(MessageFactory.Text(text), cancellationToken);

        public Task SendAsync(Activity activity, CancellationToken cancellationToken) =>
            Context.SendActivityAsync(activity, cancellationToken);

        private static async Task<FlowTurn> CreateAsync(ITurnContext context, DialogContext? dc, Flow flow, FlowRunState run, TroubleshootingServices services, CancellationToken cancellationToken)
        {
            var caseFile = await services.Cases.GetAsync(context, cancellationToken);
            return new FlowTurn(context, dc, flow, run, caseFile, services);
        }
    }
}

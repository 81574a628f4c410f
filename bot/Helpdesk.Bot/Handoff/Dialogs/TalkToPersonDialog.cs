using System.Text.Json;
using Helpdesk.Bot.Bots;
using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Knowledge;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff.Dialogs;

/// <summary>
/// "Talk to a person": asks in one sentence what it is about (unless already said, or the bot already worked on
/// it), then — once per conversation, for a plain question, unless the user insists — offers the best
/// knowledge-base answer (deflection). Ends with <see cref="SkillOutcome.Escalate"/> (trigger <c>UserAsked</c>)
/// or <see cref="SkillOutcome.Resolved"/> when the article solved it.
/// </summary>
internal sealed class TalkToPersonDialog : ComponentDialog
{
    public const string DialogId = nameof(TalkToPersonDialog);
    public const string Solved = "Yes, that solved it";
    public const string ConnectMe = "No, connect me to a person";
    public const string ProblemKey = "problem_description";

    private const string Steps = DialogId + ".steps";
    private const string ProblemPrompt = DialogId + ".problem";
    private const string HelpedPrompt = DialogId + ".helped";
    private const string ArticleKey = "article";
    private const string ProblemValue = "problem";

    private static readonly string[] InsistMarkers =
        ["now", "just", "real person", "real human", "not a bot", "no bot", "immediately", "asap", "urgent", "right away", "please just", "!!"];

    private static readonly HashSet<string> PersonWords = new(StringComparer.Ordinal)
    {
        "agent", "human", "person", "someone", "somebody", "representative", "operator", "technician", "helpdesk", "people",
    };

    private readonly CaseFileAccessor _caseFiles;
    private readonly KnowledgeAnswerFinder? _knowledge;
    private readonly HandoffOptions _options;
    private readonly TimeProvider _time;

    public TalkToPersonDialog(CaseFileAccessor caseFiles, IOptions<HandoffOptions> options, TimeProvider time, KnowledgeAnswerFinder? knowledge = null)
        : base(DialogId)
    {
        _caseFiles = caseFiles;
        _knowledge = knowledge;
        _options = options.Value;
        _time = time;
        AddDialog(new TextPrompt(ProblemPrompt));
        AddDialog(new ChoicePrompt(HelpedPrompt));
        AddDialog(new WaterfallDialog(Steps, [AskProblemAsync, DeflectAsync, AnswerAsync]));
        InitialDialogId = Steps;
    }

    /// <summary>True for a short request for a person ("agent", "a human please"), not a problem description.</summary>
    public static bool AsksForPerson(string? text)
    {
        var words = TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 6 && words.Any(PersonWords.Contains);
    }

    /// <summary>True when the user insists on a person (no deflection): "agent now", "a real person, not a bot", "human!!".</summary>
    public static bool Insists(string? text)
    {
        var raw = text ?? string.Empty;
        var normalized = " " + TextNormalizer.Normalize(raw) + " ";
        return raw.Contains("!!", StringComparison.Ordinal)
            || InsistMarkers.Any(m => normalized.Contains(" " + m + " ", StringComparison.Ordinal));
    }

    private async Task<DialogTurnResult> AskProblemAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var caseFile = await _caseFiles.GetAsync(step.Context, cancellationToken);
        var request = step.Options is JsonElement { ValueKind: JsonValueKind.String } json ? json.GetString() : step.Options as string;
        var worked = caseFile.StepsTried.Count > 0 || caseFile.ArticlesShown.Count > 0 || caseFile.Captured.ContainsKey(ProblemKey);
        if (worked || Insists(request))
        {
            // The bot already has the context (or the user insists): straight to a person.
            return await step.EndDialogAsync(Escalation(caseFile, caseFile.Captured.GetValueOrDefault(ProblemKey)), cancellationToken);
        }

        var described = Described(request);
        if (described is not null)
        {
            return await step.NextAsync(described, cancellationToken);
        }

        return await step.PromptAsync(
            ProblemPrompt,
            PromptOptions.FromText("Sure, I'll get you to a person. In a sentence, what do you need help with? That way the agent can start right away."),
            cancellationToken);
    }

    private async Task<DialogTurnResult> DeflectAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var problem = (step.Result switch
        {
            PromptResult<string> { Succeeded: true } answer => answer.Value,
            string described => described,
            _ => null,
        } ?? string.Empty).Trim();
        var caseFile = await _caseFiles.GetAsync(step.Context, cancellationToken);
        caseFile.Capture(ProblemKey, problem, _time.GetUtcNow());
        step.Values[ProblemValue] = problem;
        if (!_options.Deflection || _knowledge is null || Insists(problem) || AsksForPerson(problem))
        {
            return await step.EndDialogAsync(Escalation(caseFile, problem), cancellationToken);
        }

        // Only a confident answer is offered (the same bar as the knowledge answers): never a weak hit.
        var confident = _knowledge.Find(problem, 1).FirstOrDefault();
        if (confident is null)
        {
            return await step.EndDialogAsync(Escalation(caseFile, problem), cancellationToken);
        }

        var hit = confident.Hit;
        caseFile.AddArticle(hit.Id, hit.Title, problem, _time.GetUtcNow());
        caseFile.Category ??= TicketCategories.For(confident.Article);
        step.Values[ArticleKey] = hit.Id;
        var snippet = string.IsNullOrWhiteSpace(hit.Snippet) ? hit.Summary : hit.Snippet;
        await step.Context.SendActivityAsync(
            MessageFactory.Text($"Before I connect you — this article usually answers that:\n\n**{hit.Title}**\n\n{snippet}" +
                (hit.Attribution is null ? string.Empty : $"\n\n_{hit.Attribution}_")),
            cancellationToken);
        return await step.PromptAsync(
            HelpedPrompt,
            new PromptOptions
            {
                Prompt = MessageFactory.Text("Did this solve it?"),
                Choices = [new Choice(Solved, ["yes", "solved", "it worked", "that helped"]), new Choice(ConnectMe, ["no", "agent", "person", "human", "connect me"])],
                MaxAttempts = 1,
            },
            cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var caseFile = await _caseFiles.GetAsync(step.Context, cancellationToken);
        var articleId = step.Values.TryGetValue(ArticleKey, out var a) ? a?.ToString() : null;
        var problem = step.Values.TryGetValue(ProblemValue, out var p) ? p?.ToString() : null;
        var helped = step.Result is PromptResult<FoundChoice> { Succeeded: true, Value.Value: Solved };
        if (articleId is not null)
        {
            caseFile.SetArticleFeedback(articleId, helped, _time.GetUtcNow());
        }

        if (helped)
        {
            await step.Context.SendActivityAsync("Great, glad that sorted it! If it comes back, just type **agent**.", cancellationToken);
            return await step.EndDialogAsync(SkillOutcome.Resolved, cancellationToken);
        }

        return await step.EndDialogAsync(Escalation(caseFile, problem), cancellationToken);
    }

    /// <summary>The part of "talk to a human about my vpn dropping" that describes the problem, if any.</summary>
    private static string? Described(string? request)
    {
        if (string.IsNullOrWhiteSpace(request))
        {
            return null;
        }

        var words = TextNormalizer.Normalize(request).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length >= 7 || (!AsksForPerson(request) && words.Length >= 3) ? request.Trim() : null;
    }

    private static SkillOutcome Escalation(CaseFile caseFile, string? problem) =>
        SkillOutcome.Escalate(new EscalationRequest(
            EscalationTrigger.UserAsked,
            caseFile.Category ?? "general",
            TicketPriority.P3,
            string.IsNullOrWhiteSpace(problem) ? "The user asked for a person." : "The user asked for a person: " + (problem.Length > 160 ? problem[..159] + "…" : problem)));
}

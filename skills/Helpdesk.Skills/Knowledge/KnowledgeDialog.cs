using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Redaction;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.LanguageModel;

namespace Helpdesk.Skills.Knowledge;

/// <summary>
/// Answers a question from the help articles:
/// <list type="number">
/// <item>the best confident article as a card (title, passage, "Open article" to <c>/kb/{id}</c>, attribution), then
/// "Did this solve it?" — yes ends <see cref="SkillOutcome.Resolved"/>;</item>
/// <item>no: the next confident articles on one card, "Did one of these solve it?" — yes asks which one helped and
/// ends resolved; no (or nothing more to show) ends with <see cref="SkillOutcome.Escalate"/>
/// (<see cref="EscalationTrigger.KnowledgeNotHelpful"/>);</item>
/// <item>no confident article: the user is asked to say it another way (with the request's suggestion buttons); a
/// second miss in a row offers a person.</item>
/// </list>
/// With a language model (<see cref="IGroundedAnswerer"/>), step 1 shows an answer written from the confident articles'
/// passages only, citing them (links to <c>/kb/{id}</c>), instead of the card; an answer that cites nothing retrieved,
/// times out or fails is dropped for the card, and when the model says the passages don't cover the question the card
/// says it is only the closest match. The yes/no loop is the same either way.
/// Hits below <see cref="KnowledgeSettings.ConfidenceThreshold"/> are never shown. Every article shown and every
/// answer is recorded in the case file and the feedback store (query redacted), and so is each question no article
/// answered (except a message the bot expected to be a secret). Started with a
/// <see cref="KnowledgeRequest"/>; with no query it asks for one first.
/// </summary>
public sealed class KnowledgeDialog : ComponentDialog
{
    public const string DialogId = nameof(KnowledgeDialog);

    /// <summary>Case-file step source for searches that found nothing.</summary>
    public const string CaseSource = "knowledge";

    private const string MainFlow = DialogId + ".main";
    private const string ResultsFlow = DialogId + ".results";
    private const string OfferPersonFlow = DialogId + ".offerPerson";
    private const string QuestionPrompt = DialogId + ".question";
    private const string SolvedPrompt = DialogId + ".solved";
    private const string WhichPrompt = DialogId + ".which";
    private const string FoundKey = "found";
    private const string QueryKey = "query";
    private const string ScoredThisTurnKey = DialogId + ".scoredThisTurn";
    private const string PageKey = "page";
    private const string MoreKey = "more";
    private const int MissesBeforePerson = 2;
    private const int KeptMissQueries = 3;

    private readonly KnowledgeAnswerFinder _finder;
    private readonly IKnowledgeAvailability _availability;
    private readonly IKnowledgeFeedbackStore _feedback;
    private readonly CaseFileAccessor _caseFiles;
    private readonly ISecretRedactor _redactor;
    private readonly TimeProvider _time;
    private readonly IStatePropertyAccessor<KnowledgeMisses> _misses;
    private readonly IGroundedAnswerer _answerer;

    public KnowledgeDialog(
        KnowledgeAnswerFinder finder,
        IKnowledgeAvailability availability,
        IKnowledgeFeedbackStore feedback,
        CaseFileAccessor caseFiles,
        ConversationState conversationState,
        ISecretRedactor redactor,
        TimeProvider time,
        IGroundedAnswerer? answerer = null)
        : base(DialogId)
    {
        ArgumentNullException.ThrowIfNull(conversationState);
        _finder = finder ?? throw new ArgumentNullException(nameof(finder));
        _availability = availability ?? throw new ArgumentNullException(nameof(availability));
        _feedback = feedback ?? throw new ArgumentNullException(nameof(feedback));
        _caseFiles = caseFiles ?? throw new ArgumentNullException(nameof(caseFiles));
        _redactor = redactor ?? throw new ArgumentNullException(nameof(redactor));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _misses = conversationState.CreateProperty<KnowledgeMisses>(nameof(KnowledgeMisses));
        _answerer = answerer ?? NoGroundedAnswerer.Instance;

        AddDialog(new WaterfallDialog(MainFlow, [AskAsync, AnswerAsync, FinishAsync]));
        AddDialog(new WaterfallDialog(ResultsFlow, [ShowBestAsync, AfterBestAsync, AfterMoreAsync, AfterWhichAsync]));
        AddDialog(new WaterfallDialog(OfferPersonFlow, [OfferPersonAsync, AfterOfferAsync]));
        AddDialog(new TextPrompt(QuestionPrompt));
        AddDialog(new YesNoPrompt(SolvedPrompt));
        AddDialog(new ChoicePrompt(WhichPrompt));
        InitialDialogId = MainFlow;
    }

    private KnowledgeSettings Settings => _finder.Settings;

    /// <summary>
    /// True when the articles have a confident answer to <paramref name="query"/> (lets a router prefer it over a weak
    /// guess). The search is kept for the turn, so answering the same question next costs no second search.
    /// </summary>
    public bool CanAnswer(ITurnContext turnContext, string? query) =>
        !string.IsNullOrWhiteSpace(query) && _availability.IsAvailable
        && ScoreForTurn(turnContext, query) is [var best, ..] && best.Confidence >= Settings.ConfidenceThreshold;

    /// <summary>The scored top hits for <paramref name="query"/>, searched once per turn and question.</summary>
    private IReadOnlyList<ScoredArticle> ScoreForTurn(ITurnContext turnContext, string query)
    {
        if (turnContext.TurnState.TryGetValue(ScoredThisTurnKey, out var kept)
            && kept is (string keptQuery, IReadOnlyList<ScoredArticle> keptHits)
            && string.Equals(keptQuery, query, StringComparison.Ordinal))
        {
            return keptHits;
        }

        var hits = _finder.Score(query, 1 + Settings.ResultsPerPage);
        turnContext.TurnState[ScoredThisTurnKey] = (query, hits);
        return hits;
    }

    // ---- main: ask, search, route -------------------------------------------------------------------------

    private static async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var request = step.GetOptions<KnowledgeRequest>();
        if (!string.IsNullOrWhiteSpace(request?.Query))
        {
            return await step.NextAsync(request.Query.Trim(), cancellationToken);
        }

        return await step.PromptAsync(QuestionPrompt, PromptOptions.FromText(KnowledgeTexts.AskQuestion) with { MaxAttempts = 2 }, cancellationToken);
    }

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var query = step.Result switch
        {
            string text => text,
            PromptResult<string> { Succeeded: true } answer => answer.Value,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(query))
        {
            return await step.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
        }

        if (Acknowledgements.IsAcknowledgement(query))
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(KnowledgeTexts.YouAreWelcome), cancellationToken);
            return await step.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
        }

        if (!_availability.IsAvailable)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(KnowledgeTexts.IndexNotReady), cancellationToken);
            return await step.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
        }

        // A message the bot expected to be a secret (a code) is never stored, not even redacted.
        var redacted = step.Context.InboundIsSecret() ? RedactionMarker.Text : _redactor.Redact(query, TurnSecrets.Find(step.Context));
        var found = _finder.Confident(ScoreForTurn(step.Context, query));
        var misses = (await _misses.GetAsync(step.Context, () => new KnowledgeMisses(), cancellationToken))!;
        if (found.Count > 0)
        {
            await _misses.DeleteAsync(step.Context, cancellationToken);
            var articles = found.Select((a, i) => new FoundArticle(
                a.Hit.Id,
                i + 1,
                a.Confidence,
                TicketCategories.For(a.Article),
                new ArticleCardItem(
                    a.Hit.Title,
                    a.Hit.Summary,
                    a.Hit.Snippet,
                    ArticleLinks.For(a.Hit.Id, Settings.ArticleBaseUrl, step.Context.Activity.ChannelId, step.Context.Activity.ServiceUrl),
                    a.Article.Category,
                    a.Article.Updated,
                    a.Hit.Attribution))).ToList();
            var generated = await GroundedAnswerAsync(step.Context, redacted, found, cancellationToken);
            return await step.BeginDialogAsync(ResultsFlow, new KnowledgeResults(redacted, articles, generated), cancellationToken);
        }

        var caseFile = await _caseFiles.GetAsync(step.Context, cancellationToken);
        caseFile.AddStep(CaseSource, "Searched the help articles: no article fits", redacted, _time.GetUtcNow());
        if (!step.Context.InboundIsSecret())
        {
            var hits = ScoreForTurn(step.Context, query);
            double? best = hits.Count > 0 ? hits.Max(h => h.Confidence) : null;
            await _feedback.RecordUnansweredAsync(
                new UnansweredQuestion(redacted, step.Context.Activity.ChannelId ?? "unknown", best, _time.GetUtcNow()), cancellationToken);
        }

        misses.Count++;
        misses.Queries.Add(redacted);
        if (misses.Queries.Count > KeptMissQueries)
        {
            misses.Queries.RemoveRange(0, misses.Queries.Count - KeptMissQueries);
        }

        if (misses.Count < MissesBeforePerson)
        {
            await _misses.SetAsync(step.Context, misses, cancellationToken);
            var suggestions = step.GetOptions<KnowledgeRequest>()?.Suggestions ?? [];
            var reply = suggestions.Count > 0
                ? MessageFactory.SuggestedActions(suggestions, KnowledgeTexts.NotFound)
                : MessageFactory.Text(KnowledgeTexts.NotFound);
            await step.Context.SendActivityAsync(reply, cancellationToken);
            return await step.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
        }

        await _misses.DeleteAsync(step.Context, cancellationToken);
        return await step.BeginDialogAsync(OfferPersonFlow, misses.Queries, cancellationToken);
    }

    private static Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.EndDialogAsync(step.Result as SkillOutcome ?? SkillOutcome.Ended, cancellationToken);

    // ---- results: the best article, then the next ones ----------------------------------------------------

    private async Task<DialogTurnResult> ShowBestAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var results = step.GetOptions<KnowledgeResults>() ?? throw new InvalidOperationException("The results flow needs KnowledgeResults.");
        step.Values[QueryKey] = results.Query;
        step.Values[FoundKey] = results.Articles.ToList();
        var cited = results.Generated is { Covered: true } generated
            ? generated.CitedArticleIds.Select(id => results.Articles.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.Ordinal))).OfType<FoundArticle>().Distinct().ToList()
            : [];
        if (cited.Count > 0)
        {
            await ShowAsync(step, results.Query, GeneratedAnswerRenderer.Render(results.Generated!, cited), cited, cancellationToken);
            var caseFile = await _caseFiles.GetAsync(step.Context, cancellationToken);
            caseFile.AddStep(CaseSource, "Showed an answer generated from the help articles: " + string.Join("; ", cited.Select(a => a.Card.Title)), null, _time.GetUtcNow());
            step.Values[MoreKey] = results.Articles.Where(a => !cited.Contains(a)).Take(Settings.ResultsPerPage).ToList();
            return await AskSolvedAsync(step, KnowledgeTexts.DidThisSolveIt, cancellationToken);
        }

        var heading = results.Generated is { Covered: false } ? KnowledgeTexts.ClosestMatch : KnowledgeTexts.BestMatch;
        await ShowCardAsync(step, results.Query, heading, results.Articles.Take(1).ToList(), cancellationToken);
        step.Values[MoreKey] = results.Articles.Skip(1).Take(Settings.ResultsPerPage).ToList();
        return await AskSolvedAsync(step, KnowledgeTexts.DidThisSolveIt, cancellationToken);
    }

    private async Task<DialogTurnResult> AfterBestAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<bool> { Succeeded: true } answer)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(KnowledgeTexts.NoAnswerGiven), cancellationToken);
            return await step.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
        }

        var page = step.Values.GetValue<List<ShownArticle>>(PageKey) ?? [];
        await RecordFeedbackAsync(step, page, answer.Value, cancellationToken);
        if (answer.Value)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(KnowledgeTexts.Glad), cancellationToken);
            return await step.EndDialogAsync(SkillOutcome.Resolved, cancellationToken);
        }

        var more = step.Values.GetValue<List<FoundArticle>>(MoreKey) ?? [];
        if (more.Count == 0)
        {
            return await NotSolvedAsync(step, cancellationToken);
        }

        await ShowCardAsync(step, step.Values.GetValue<string>(QueryKey) ?? string.Empty, KnowledgeTexts.MoreResults, more, cancellationToken);
        return await AskSolvedAsync(step, more.Count == 1 ? KnowledgeTexts.DidThisSolveIt : KnowledgeTexts.DidOneOfTheseSolveIt, cancellationToken);
    }

    private async Task<DialogTurnResult> AfterMoreAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is not PromptResult<bool> { Succeeded: true } answer)
        {
            await step.Context.SendActivityAsync(MessageFactory.Text(KnowledgeTexts.NoAnswerGiven), cancellationToken);
            return await step.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
        }

        var page = step.Values.GetValue<List<ShownArticle>>(PageKey) ?? [];
        if (!answer.Value)
        {
            await RecordFeedbackAsync(step, page, helped: false, cancellationToken);
            return await NotSolvedAsync(step, cancellationToken);
        }

        if (page.Count == 1)
        {
            await RecordFeedbackAsync(step, page, helped: true, cancellationToken);
            await step.Context.SendActivityAsync(MessageFactory.Text(KnowledgeTexts.Glad), cancellationToken);
            return await step.EndDialogAsync(SkillOutcome.Resolved, cancellationToken);
        }

        var choices = page.Select(a => new Choice(a.Title)).Append(new Choice(KnowledgeTexts.NotSure, ["dont know", "no idea", "skip", "all of them", "several"])).ToList();
        return await step.PromptAsync(WhichPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(KnowledgeTexts.WhichOneHelped),
            Choices = choices,
            MaxAttempts = 1,
        }, cancellationToken);
    }

    private async Task<DialogTurnResult> AfterWhichAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var page = step.Values.GetValue<List<ShownArticle>>(PageKey) ?? [];
        if (step.Result is PromptResult<FoundChoice> { Succeeded: true, Value: { } choice } && choice.Index < page.Count)
        {
            await RecordFeedbackAsync(step, [page[choice.Index]], helped: true, cancellationToken);
        }

        await step.Context.SendActivityAsync(MessageFactory.Text(KnowledgeTexts.Glad), cancellationToken);
        return await step.EndDialogAsync(SkillOutcome.Resolved, cancellationToken);
    }

    private async Task<DialogTurnResult> NotSolvedAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        await step.Context.SendActivityAsync(MessageFactory.Text(KnowledgeTexts.NotSolved), cancellationToken);
        var found = step.Values.GetValue<List<FoundArticle>>(FoundKey) ?? [];
        var query = step.Values.GetValue<string>(QueryKey) ?? string.Empty;
        var caseFile = await _caseFiles.GetAsync(step.Context, cancellationToken);
        var category = found.FirstOrDefault()?.TicketCategory ?? TicketCategories.General;
        caseFile.Category ??= category;
        var tried = caseFile.ArticlesShown.Where(a => a.Helped == false && string.Equals(a.Query, query, StringComparison.Ordinal)).Select(a => a.Title).Distinct();
        return await step.EndDialogAsync(SkillOutcome.Escalate(new EscalationRequest(
            EscalationTrigger.KnowledgeNotHelpful,
            category,
            TicketPriority.P3,
            $"Help articles did not solve \"{query}\" (tried: {string.Join("; ", tried)})")), cancellationToken);
    }

    // ---- no confident article twice: offer a person --------------------------------------------------------

    private static Task<DialogTurnResult> OfferPersonAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        step.Values[QueryKey] = step.GetOptions<List<string>>() ?? [];
        return step.PromptAsync(SolvedPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(KnowledgeTexts.StillNotFound),
            RetryPrompt = MessageFactory.Text("Would you like to talk to a person? Please answer **Yes** or **No**."),
            MaxAttempts = 2,
        }, cancellationToken);
    }

    private static async Task<DialogTurnResult> AfterOfferAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        if (step.Result is PromptResult<bool> { Succeeded: true, Value: true })
        {
            var queries = step.Values.GetValue<List<string>>(QueryKey) ?? [];
            return await step.EndDialogAsync(SkillOutcome.Escalate(new EscalationRequest(
                EscalationTrigger.KnowledgeNotHelpful,
                TicketCategories.General,
                TicketPriority.P3,
                "No help article matched: " + string.Join("; ", queries.Select(q => $"\"{q}\"")))), cancellationToken);
        }

        await step.Context.SendActivityAsync(MessageFactory.Text(KnowledgeTexts.NoPersonWanted), cancellationToken);
        return await step.EndDialogAsync(SkillOutcome.Ended, cancellationToken);
    }

    // ---- shared --------------------------------------------------------------------------------------------

    private Task<DialogTurnResult> AskSolvedAsync(WaterfallStepContext step, string question, CancellationToken cancellationToken) =>
        step.PromptAsync(SolvedPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(question),
            RetryPrompt = MessageFactory.Text(KnowledgeTexts.YesNoRetry),
            MaxAttempts = 2,
        }, cancellationToken);

    /// <summary>
    /// The language model's answer from the passages of <paramref name="found"/> (null without a model, for a turn
    /// marked secret, or when the answerer has none); whatever the answerer did, an answer citing anything that was
    /// not retrieved is dropped.
    /// </summary>
    private async Task<GroundedAnswer?> GroundedAnswerAsync(ITurnContext context, string redactedQuery, IReadOnlyList<ScoredArticle> found, CancellationToken cancellationToken)
    {
        if (!_answerer.IsEnabled || context.InboundIsSecret())
        {
            return null;
        }

        var passages = found.Select(a => GroundingPassages.From(a)).ToList();
        var answer = await _answerer.AnswerAsync(new GroundedQuestion(redactedQuery, passages), cancellationToken);
        var retrieved = passages.Select(p => p.ArticleId).ToHashSet(StringComparer.Ordinal);
        return answer is { Covered: true } && (answer.CitedArticleIds.Count == 0 || !answer.CitedArticleIds.All(retrieved.Contains))
            ? null
            : answer;
    }

    /// <summary>Sends one card with <paramref name="articles"/> and records each showing.</summary>
    private Task ShowCardAsync(WaterfallStepContext step, string query, string heading, IReadOnlyList<FoundArticle> articles, CancellationToken cancellationToken) =>
        ShowAsync(step, query, ArticleCardRenderer.Render(new ArticleCardPage(heading, [.. articles.Select(a => a.Card)]), step.Context.Activity.ChannelId), articles, cancellationToken);

    /// <summary>Sends <paramref name="message"/> showing <paramref name="articles"/> and records each showing (case file, feedback store).</summary>
    private async Task ShowAsync(WaterfallStepContext step, string query, Activity message, IReadOnlyList<FoundArticle> articles, CancellationToken cancellationToken)
    {
        var context = step.Context;
        await context.SendActivityAsync(message, cancellationToken);

        var now = _time.GetUtcNow();
        var caseFile = await _caseFiles.GetAsync(context, cancellationToken);
        var shown = new List<ShownArticle>(articles.Count);
        foreach (var article in articles)
        {
            caseFile.AddArticle(article.Id, article.Card.Title, query, now);
            var impression = await _feedback.RecordShownAsync(
                new ArticleImpression(article.Id, article.Card.Title, query, context.Activity.ChannelId ?? "unknown", article.Rank, article.Confidence, now),
                cancellationToken);
            shown.Add(new ShownArticle(article.Id, article.Card.Title, article.Card.Category, impression));
        }

        step.Values[PageKey] = shown;
    }

    private async Task RecordFeedbackAsync(WaterfallStepContext step, IReadOnlyList<ShownArticle> articles, bool helped, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var caseFile = await _caseFiles.GetAsync(step.Context, cancellationToken);
        foreach (var article in articles)
        {
            caseFile.SetArticleFeedback(article.Id, helped, now);
            await _feedback.RecordFeedbackAsync(article.ImpressionId, helped, now, cancellationToken);
        }
    }
}

using Helpdesk.Bot.Core.Dialogs;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Bots;

/// <summary>"Fix a problem": asks which area, then says what happens next for it.</summary>
internal sealed class FixProblemDialog : ComponentDialog
{
    public const string DialogId = nameof(FixProblemDialog);
    private const string AreaPrompt = DialogId + ".area";
    private const string Steps = DialogId + ".steps";

    /// <summary>The problem areas offered, with common ways of naming them.</summary>
    public static IReadOnlyList<Choice> Areas { get; } =
    [
        new("VPN", ["vpn", "virtual private network", "remote access", "globalprotect", "anyconnect"]),
        new("Wi-Fi", ["wifi", "wi fi", "wireless", "internet", "network"]),
        new("Printer", ["printer", "printing", "print", "print queue"]),
        new("Outlook / e-mail", ["outlook", "email", "e-mail", "mail", "mailbox", "calendar"]),
        new("Teams", ["teams", "microsoft teams", "meeting", "audio", "camera", "microphone", "mic"]),
        new("MFA / sign-in", ["mfa", "2fa", "two factor", "authenticator", "sign in", "login", "new phone"]),
        new("Something else", ["other", "something else", "none of these"]),
    ];

    private readonly BotTexts _texts;

    public FixProblemDialog(BotTexts texts)
        : base(DialogId)
    {
        _texts = texts;
        AddDialog(new ChoicePrompt(AreaPrompt));
        AddDialog(new WaterfallDialog(Steps, [AskAreaAsync, AnswerAsync]));
        InitialDialogId = Steps;
    }

    private Task<DialogTurnResult> AskAreaAsync(WaterfallStepContext step, CancellationToken cancellationToken) =>
        step.PromptAsync(AreaPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_texts.ProblemAreaPrompt),
            RetryPrompt = MessageFactory.Text(_texts.ProblemAreaRetry),
            Choices = Areas,
            MaxAttempts = 2,
        }, cancellationToken);

    private async Task<DialogTurnResult> AnswerAsync(WaterfallStepContext step, CancellationToken cancellationToken)
    {
        var result = step.Result as PromptResult<FoundChoice>;
        if (result is not { Succeeded: true, Value: not null })
        {
            await step.Context.SendActivityAsync(_texts.NoProblemAreaMatched, cancellationToken);
            return await step.EndDialogAsync(null, cancellationToken);
        }

        await step.Context.SendActivityAsync(_texts.NotAvailableYet($"Guided troubleshooting for {result.Value.Value}"), cancellationToken);
        return await step.EndDialogAsync(result.Value.Value, cancellationToken);
    }
}

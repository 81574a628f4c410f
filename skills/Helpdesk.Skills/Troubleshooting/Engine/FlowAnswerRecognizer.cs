using System.Collections.Frozen;
using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Dialogs.Prompts;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>
/// Reads a reply to a flow step: the step's own answers (buttons, synonyms, "2", typos) and the commands available at
/// every step — back, start again, "this didn't help", asking for a person. Positions count the buttons as shown,
/// the commands' buttons included.
/// </summary>
internal static class FlowAnswerRecognizer
{
    private static readonly ChoiceRecognizer Fuzzy = new();
    private static readonly ChoiceRecognizer Exact = new(ChoiceRecognizerOptions.ExactOnly);

    private static readonly FrozenDictionary<string, FlowAnswerKind> Commands = BuildCommands();

    public static Choice BackChoice { get; } = new(TroubleshootingTexts.BackButton, ["go back", "back", "previous", "previous step", "step back", "undo", "back one step"]);

    public static Choice NotHelpedChoice { get; } = new(TroubleshootingTexts.NotHelpedButton, [.. NotHelpedPhrases()]);

    public static Choice YesChoice { get; } = new(TroubleshootingTexts.YesButton,
        [.. ConfirmPrompt.DefaultYes.Synonyms!, "fixed", "its fixed", "it works", "works now", "working now", "that fixed it", "that worked", "solved", "sorted", "yes it works", "yes fixed"]);

    public static Choice NoChoice { get; } = new(TroubleshootingTexts.NoButton,
        [.. ConfirmPrompt.DefaultNo.Synonyms!, "still broken", "still not working", "not working", "didnt work", "it didnt work", "not fixed", "no luck", "same problem", "same", "no change", "nope still broken"]);

    public static Choice DoneChoice { get; } = new(TroubleshootingTexts.DoneButton,
        ["done", "ok", "okay", "did it", "finished", "next", "continue", "ive done that", "completed", "go on", "ready"]);

    public static Choice SkipChoice { get; } = new(TroubleshootingTexts.SkipButton,
        ["skip", "skip it", "skip this", "dont know", "i dont know", "no idea", "not sure", "none", "na", "n a", "no error"]);

    /// <summary>The buttons shown for a step: its answers, then Back (when possible) and "This didn't help".</summary>
    public static IReadOnlyList<Choice> Buttons(IReadOnlyList<Choice> options, bool canGoBack) =>
        [.. options, .. canGoBack ? new[] { BackChoice } : [], NotHelpedChoice];

    public static FlowAnswer Recognize(string? text, IReadOnlyList<Choice> options, FlowAnswerMode mode, bool canGoBack)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = TextNormalizer.Normalize(text);
        if (key.Length == 0)
        {
            return FlowAnswer.NotUnderstood;
        }

        if (mode == FlowAnswerMode.FreeText)
        {
            if (Commands.TryGetValue(key, out var command) && (command != FlowAnswerKind.Back || canGoBack))
            {
                return new FlowAnswer(command);
            }

            var skip = options.FirstOrDefault(o => ReferenceEquals(o, SkipChoice));
            if (skip is not null && Exact.Recognize(text, [skip]).Succeeded)
            {
                return new FlowAnswer(FlowAnswerKind.Skip);
            }

            return new FlowAnswer(FlowAnswerKind.Text, Text: text!.Trim());
        }

        var buttons = Buttons(options, canGoBack);
        var recognizer = mode == FlowAnswerMode.YesNo ? Exact : Fuzzy;
        var found = recognizer.Recognize(text, buttons);
        if (!found.Succeeded && Commands.TryGetValue(key, out var word) && (word != FlowAnswerKind.Back || canGoBack))
        {
            return new FlowAnswer(word);
        }

        if (!found.Succeeded && mode == FlowAnswerMode.YesNo)
        {
            return TypoOfYesOrNo(key, options);
        }

        if (!found.Succeeded)
        {
            return FlowAnswer.NotUnderstood;
        }

        var index = found.Choice!.Index;
        if (index < options.Count)
        {
            return new FlowAnswer(FlowAnswerKind.Option, index);
        }

        return ReferenceEquals(buttons[index], BackChoice) ? new FlowAnswer(FlowAnswerKind.Back) : new FlowAnswer(FlowAnswerKind.NotHelped);
    }

    /// <summary>A one-word yes/no with a typo ("yse", "noo", "yess").</summary>
    private static FlowAnswer TypoOfYesOrNo(string key, IReadOnlyList<Choice> options)
    {
        if (key.Contains(' ', StringComparison.Ordinal) || key.Length > 5)
        {
            return FlowAnswer.NotUnderstood;
        }

        var yes = IndexOf(options, YesChoice);
        var no = IndexOf(options, NoChoice);
        bool Near(string word) => Model.EditDistance.Between(key, word) <= 1 || (key.Length == word.Length && key.Order().SequenceEqual(word.Order()));
        var isYes = yes >= 0 && (Near("yes") || Near("yeah") || Near("yep"));
        var isNo = no >= 0 && (Near("no") || Near("nope")) && key.Length >= 2;
        return isYes == isNo ? FlowAnswer.NotUnderstood : new FlowAnswer(FlowAnswerKind.Option, isYes ? yes : no);
    }

    private static int IndexOf(IReadOnlyList<Choice> options, Choice choice)
    {
        for (var i = 0; i < options.Count; i++)
        {
            if (ReferenceEquals(options[i], choice))
            {
                return i;
            }
        }

        return -1;
    }

    private static FrozenDictionary<string, FlowAnswerKind> BuildCommands()
    {
        var words = new Dictionary<string, FlowAnswerKind>(StringComparer.Ordinal);
        void Add(FlowAnswerKind kind, IEnumerable<string> phrases)
        {
            foreach (var phrase in phrases)
            {
                words[TextNormalizer.Normalize(phrase)] = kind;
            }
        }

        Add(FlowAnswerKind.Back, [TroubleshootingTexts.BackButton, "back", "go back", "previous", "previous step", "step back", "undo", "back one step"]);
        Add(FlowAnswerKind.StartAgain, ["start again", "start from the beginning", "from the top", "start troubleshooting again", "start this again", "restart troubleshooting", "begin from the start", "again from the start", "start from scratch"]);
        Add(FlowAnswerKind.NotHelped, [TroubleshootingTexts.NotHelpedButton, .. NotHelpedPhrases()]);
        Add(FlowAnswerKind.Person, ["agent", "human", "person", "a person", "talk to a person", "talk to someone", "talk to a human", "real person", "speak to someone", "speak to a person", "service desk", "helpdesk", "help desk", "live agent", "call me", "representative", "operator"]);
        return words.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static IEnumerable<string> NotHelpedPhrases() =>
        ["this didnt help", "didnt help", "that didnt help", "not helpful", "this is not helping", "this isnt helping", "nothing helped", "none of this helped", "give up", "i give up", "escalate", "open a ticket", "create a ticket", "raise a ticket", "log a ticket"];
}

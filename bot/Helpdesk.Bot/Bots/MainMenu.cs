using Helpdesk.Bot.Core.Dialogs.Choices;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;
using Helpdesk.Skills.PasswordReset;

namespace Helpdesk.Bot.Bots;

/// <summary>What the bot offers, as buttons: the titles are also what the buttons send back.</summary>
internal static class MainMenu
{
    public const string ResetPassword = "Reset my password";
    public const string UnlockAccount = "Unlock my account";
    public const string FixProblem = "Fix a problem";
    public const string SearchArticles = "Search help articles";
    public const string TalkToPerson = "Talk to a person";

    /// <summary>The menu entries with the other ways people ask for them (typos are handled by the recognizer).</summary>
    public static IReadOnlyList<Choice> Choices { get; } =
    [
        new(ResetPassword, [.. PasswordResetPhrases.Reset, .. PasswordResetPhrases.CantSignIn]),
        new(UnlockAccount, PasswordResetPhrases.Unlock),
        new(FixProblem, ["fix problem", "troubleshoot", "troubleshooting", "something is broken", "it's not working", "i have a problem", "problem"]),
        new(SearchArticles, ["search articles", "help articles", "search", "knowledge base", "kb", "how to", "find an article"]),
        new(TalkToPerson, ["agent", "human", "person", "talk to someone", "talk to a human", "real person", "service desk", "helpdesk", "help desk", "call me", "speak to someone", "live agent", "representative", "operator"]),
    ];

    /// <summary>A message with the menu as quick-reply buttons.</summary>
    public static Activity Prompt(string text) => MessageFactory.SuggestedActions(Choices.Select(c => c.Value), text);
}

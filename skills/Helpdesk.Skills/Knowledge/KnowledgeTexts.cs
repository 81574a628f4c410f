namespace Helpdesk.Skills.Knowledge;

/// <summary>What the knowledge dialog says.</summary>
public static class KnowledgeTexts
{
    public const string AskQuestion =
        "What do you need help with? Describe it in your own words — for example \"outlook keeps crashing\" or \"vpn says certificate expired\".";

    public const string BestMatch = "This article looks like the best match:";

    /// <summary>Heading of the card when the language model said the articles don't answer the question exactly.</summary>
    public const string ClosestMatch = "I couldn't find an exact answer to that in the help articles — this one is the closest:";

    public const string MoreResults = "Here are some other articles that might help:";

    public const string DidThisSolveIt = "Did this solve it?";

    public const string DidOneOfTheseSolveIt = "Did one of these solve it?";

    public const string YesNoRetry = "Sorry, I didn't catch that. Did it solve the problem? Please answer **Yes** or **No**.";

    public const string WhichOneHelped = "Great! Which one helped? (So I can suggest it first next time.)";

    public const string NotSure = "Not sure";

    public const string Glad = "Glad that fixed it! If anything else comes up, just ask.";

    public const string NoAnswerGiven = "OK, I'll leave it there. You can ask me something else at any time, or type **menu**.";

    public const string NotSolved = "Sorry those articles didn't solve it.";

    public const string NotFound =
        "I'm not sure which help article fits that. Could you describe it in a bit more detail — which app or device it is, " +
        "what happens, and the exact error message if there is one?";

    public const string StillNotFound = "I still couldn't find a help article that fits. Would you like to talk to a person at the service desk?";

    public const string NoPersonWanted = "OK. You can describe the problem again at any time, or type **menu** to see what else I can do.";

    public const string IndexNotReady =
        "The help articles are still loading — please try again in a few seconds, or type **agent** to reach the service desk.";

    public const string YouAreWelcome = "You're welcome! Anything else I can help with?";

    public const string OpenArticle = "Open article";
}

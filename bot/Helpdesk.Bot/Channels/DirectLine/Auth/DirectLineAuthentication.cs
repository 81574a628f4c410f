namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>Outcome of authenticating a request: the caller, or the problem to answer with.</summary>
internal sealed record DirectLineAuthentication(DirectLineCaller? Caller, DirectLineProblem? Problem)
{
    public static DirectLineAuthentication Failed(DirectLineProblem problem) => new(null, problem);
}

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>Outcome of checking a request's Slack signature (for logs; callers only learn "401").</summary>
internal enum SlackSignatureResult
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    OutsideReplayWindow,
    WrongVersion,
    Mismatch,
}

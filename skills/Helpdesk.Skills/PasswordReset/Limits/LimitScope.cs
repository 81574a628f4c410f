namespace Helpdesk.Skills.PasswordReset.Limits;

/// <summary>What a limit or block counts: the account asked for, the conversation, the asking source.</summary>
public static class LimitScope
{
    public const string Account = "account";
    public const string Conversation = "conversation";
    public const string Source = "source";
}

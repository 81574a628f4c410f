namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>Values of <c>Handoff:Console:Authentication</c>.</summary>
internal static class AgentAuthenticationModes
{
    public const string Local = "Local";
    public const string OpenIdConnect = "OpenIdConnect";
}

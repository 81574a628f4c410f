namespace Helpdesk.Bot.Handoff.Auth;

/// <summary>Paths of the agent console.</summary>
internal static class AgentConsoleRoutes
{
    public const string Base = "/agent";
    public const string Login = "/agent/login";
    public const string Logout = "/agent/logout";
    public const string Forbidden = "/agent/forbidden";
    public const string Api = "/agent/api";
    public const string Hub = "/agent/hub";
}

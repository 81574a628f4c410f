using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Bots;

/// <summary>The bot's own words, with the company's service-desk details filled in.</summary>
internal sealed class BotTexts(IOptions<ServiceDeskOptions> options)
{
    private readonly ServiceDeskOptions _desk = options.Value;

    public string Welcome(string? userName) =>
        $"Hi{(string.IsNullOrWhiteSpace(userName) ? string.Empty : " " + FirstName(userName))}! I'm the {_desk.CompanyName} IT help assistant. " +
        "I can help you get back into your account, fix common problems, find answers, or reach the service desk — any time.";

    public string MenuPrompt => "What can I help you with? Pick one below or just describe the problem.";

    public string GreetAgain => "Hi again! What can I help you with?";

    public string Help =>
        "Here's what I can do:\n\n" +
        $"- **{MainMenu.ResetPassword}** or **{MainMenu.UnlockAccount}**\n" +
        $"- **{MainMenu.FixProblem}**: VPN, Wi-Fi, printers, Outlook, Teams, MFA and more\n" +
        $"- **{MainMenu.SearchArticles}**\n" +
        $"- **{MainMenu.TalkToPerson}**\n\n" +
        "You can type **menu** at any time to start over, **cancel** to stop what we're doing, or **agent** to reach a person.";

    public string DeclinedOffer =>
        "No problem. Tell me a bit more about what's wrong, or type **menu** to see everything I can help with.";

    public string ServiceDeskContact =>
        $"You can reach the {_desk.CompanyName} service desk by phone at **{_desk.Phone}** ({_desk.Hours}) or e-mail **{_desk.Email}**" +
        (string.IsNullOrWhiteSpace(_desk.PortalUrl) ? "." : $", or open a ticket at {_desk.PortalUrl}.");

    public string TalkToPerson =>
        "I can't connect you to an agent from this chat right now. " + ServiceDeskContact +
        " Tell them what you've tried so far so they can pick up from there.";

    private static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? trimmed[..space] : trimmed;
    }
}

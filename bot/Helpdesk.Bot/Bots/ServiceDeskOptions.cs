using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.Bots;

/// <summary>How employees reach the human service desk. Section <c>ServiceDesk</c>; shown by the bot.</summary>
internal sealed class ServiceDeskOptions
{
    public const string SectionName = "ServiceDesk";

    /// <summary>Company name used in the bot's greeting.</summary>
    [Required(ErrorMessage = "ServiceDesk:CompanyName is required (used in the greeting).")]
    public string CompanyName { get; set; } = "Contoso";

    [Required(ErrorMessage = "ServiceDesk:Phone is required (the bot tells users how to reach a person).")]
    public string Phone { get; set; } = "+1 555 0100 (ext. 4357)";

    [Required(ErrorMessage = "ServiceDesk:Email is required (the bot tells users how to reach a person).")]
    [EmailAddress(ErrorMessage = "ServiceDesk:Email must be an e-mail address.")]
    public string Email { get; set; } = "servicedesk@contoso.example";

    [Url(ErrorMessage = "ServiceDesk:PortalUrl must be an absolute URL.")]
    public string? PortalUrl { get; set; } = "https://servicedesk.contoso.example";

    /// <summary>Opening hours as shown to users.</summary>
    public string Hours { get; set; } = "Mon–Fri 07:00–19:00";
}

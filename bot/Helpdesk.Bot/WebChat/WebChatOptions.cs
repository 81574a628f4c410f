using System.ComponentModel.DataAnnotations;

namespace Helpdesk.Bot.WebChat;

/// <summary>How the Web Chat page at <c>/</c> looks. Section <c>WebChat</c>.</summary>
internal sealed class WebChatOptions
{
    public const string SectionName = "WebChat";

    /// <summary>Page and header title, e.g. "Contoso IT Help".</summary>
    [Required(ErrorMessage = "WebChat:Title is required (the page heading).")]
    [StringLength(80, MinimumLength = 1, ErrorMessage = "WebChat:Title must be 1 to 80 characters.")]
    public string Title { get; set; } = "IT Help";

    /// <summary>Brand colour as <c>#rrggbb</c>: header, send button and suggested actions.</summary>
    [Required(ErrorMessage = "WebChat:BrandColor is required.")]
    [RegularExpression("^#[0-9a-fA-F]{6}$", ErrorMessage = "WebChat:BrandColor must be a colour like #0f6cbd.")]
    public string BrandColor { get; set; } = "#0f6cbd";

    /// <summary>One or two sentences under the heading.</summary>
    [Required(ErrorMessage = "WebChat:Intro is required (the line under the page heading).")]
    [StringLength(400, MinimumLength = 1, ErrorMessage = "WebChat:Intro must be 1 to 400 characters.")]
    public string Intro { get; set; } =
        "Reset your password, fix VPN/Wi-Fi/printer problems, find answers, or reach the service desk — 24/7.";

    /// <summary>Initials shown in the bot's avatar (1 to 3 characters).</summary>
    [Required(ErrorMessage = "WebChat:BotAvatarInitials is required.")]
    [RegularExpression(@"^[\p{L}\p{N}]{1,3}$", ErrorMessage = "WebChat:BotAvatarInitials must be 1 to 3 letters or digits.")]
    public string BotAvatarInitials { get; set; } = "IT";

    /// <summary>Initials shown in the user's avatar (1 to 3 characters).</summary>
    [Required(ErrorMessage = "WebChat:UserAvatarInitials is required.")]
    [RegularExpression(@"^[\p{L}\p{N}]{1,3}$", ErrorMessage = "WebChat:UserAvatarInitials must be 1 to 3 letters or digits.")]
    public string UserAvatarInitials { get; set; } = "You";

    /// <summary>Optional way to reach people when chat is down, e.g. "Call ext. 4357 or mail servicedesk@contoso.com".</summary>
    [StringLength(200, ErrorMessage = "WebChat:ServiceDeskContact must be at most 200 characters.")]
    public string? ServiceDeskContact { get; set; }
}

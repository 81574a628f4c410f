namespace Helpdesk.Bot.Channels.BotFramework;

/// <summary>How the bot's Entra app registration is set up in Azure Bot Service.</summary>
internal enum BotFrameworkAppType
{
    /// <summary>Registered in the botframework.com tenant's multi-tenant flavour (the classic default).</summary>
    MultiTenant,

    /// <summary>Registered in one Entra tenant (<see cref="BotFrameworkOptions.TenantId"/>).</summary>
    SingleTenant,
}

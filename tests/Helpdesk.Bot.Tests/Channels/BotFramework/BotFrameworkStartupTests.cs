using Helpdesk.Bot.Tests.Infrastructure;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkStartupTests
{
    [Fact]
    public void Start_AppIdWithoutPassword_FailsWithClearMessage()
    {
        using var factory = BotFrameworkTestFactory.Authenticated();
        factory.Settings["Bot:AppPassword"] = string.Empty;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Bot:AppPassword is required when Bot:AppId is set", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SingleTenantWithoutTenant_FailsWithClearMessage()
    {
        using var factory = BotFrameworkTestFactory.Authenticated();
        factory.Settings["Bot:AppType"] = "SingleTenant";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Bot:TenantId is required when Bot:AppType is SingleTenant", error.ToString(), StringComparison.Ordinal);
    }
}

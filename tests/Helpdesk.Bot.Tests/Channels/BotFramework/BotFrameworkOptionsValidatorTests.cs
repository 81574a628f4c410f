using Helpdesk.Bot.Channels.BotFramework;

namespace Helpdesk.Bot.Tests.Channels.BotFramework;

public sealed class BotFrameworkOptionsValidatorTests
{
    private readonly BotFrameworkOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_AreValidAndAnonymous()
    {
        var options = new BotFrameworkOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.True(options.IsAnonymous);
        Assert.Equal(["https://api.botframework.com"], options.GetValidIssuers());
        Assert.Equal("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", options.GetTokenEndpoint().AbsoluteUri);
        Assert.Null(options.GetEntraOpenIdMetadataUrl());
        Assert.Equal(TimeSpan.FromMinutes(5), options.ClockSkew);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com/.default", options.OAuthScope);
    }

    [Fact]
    public void Validate_AppIdWithoutPassword_FailsNamingAppPassword()
    {
        var result = _validator.Validate(null, new BotFrameworkOptions { AppId = "app" });

        Assert.True(result.Failed);
        Assert.Contains("Bot:AppPassword is required when Bot:AppId is set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithoutAppId_Fails()
    {
        var result = _validator.Validate(null, new BotFrameworkOptions { AppPassword = "secret" });

        Assert.Contains("Bot:AppId is required when Bot:AppPassword is set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SingleTenantWithoutTenantId_FailsNamingTenantId()
    {
        var result = _validator.Validate(null, new BotFrameworkOptions { AppId = "app", AppPassword = "p", AppType = "SingleTenant" });

        Assert.Contains("Bot:TenantId is required when Bot:AppType is SingleTenant", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UserAssignedMSI")]
    [InlineData("1")]
    [InlineData("")]
    public void Validate_UnknownAppType_Fails(string appType)
    {
        var result = _validator.Validate(null, new BotFrameworkOptions { AppType = appType });

        Assert.Contains("Bot:AppType must be 'MultiTenant' or 'SingleTenant'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("metadata")]
    public void Validate_InsecureMetadataUrl_Fails(string url)
    {
        var result = _validator.Validate(null, new BotFrameworkOptions { OpenIdMetadataUrl = url });

        Assert.Contains("Bot:OpenIdMetadataUrl must be an absolute https URL", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadRetryAndSkewSettings_ReportsEachOne()
    {
        var result = _validator.Validate(null, new BotFrameworkOptions
        {
            MaxRetries = 50,
            RetryBaseDelay = TimeSpan.FromMinutes(2),
            ClockSkew = TimeSpan.FromHours(2),
            AttemptTimeout = TimeSpan.Zero,
        });

        Assert.Contains("Bot:MaxRetries", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Bot:RetryBaseDelay", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Bot:ClockSkew", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Bot:AttemptTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleTenant_DerivesIssuersAuthorityAndEntraMetadataFromTenant()
    {
        var options = new BotFrameworkOptions { AppId = "app", AppPassword = "p", AppType = "singletenant", TenantId = "contoso-tenant" };

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.Equal(
            ["https://api.botframework.com", "https://sts.windows.net/contoso-tenant/", "https://login.microsoftonline.com/contoso-tenant/v2.0"],
            options.GetValidIssuers());
        Assert.Equal("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token", options.GetTokenEndpoint().AbsoluteUri);
        Assert.Equal("https://login.microsoftonline.com/contoso-tenant/v2.0/.well-known/openid-configuration", options.GetEntraOpenIdMetadataUrl());
    }

    [Fact]
    public void ConfiguredIssuersAndAuthority_OverrideTheDefaults()
    {
        var options = new BotFrameworkOptions { ValidIssuers = ["https://issuer.test"], Authority = "https://login.test/tenant/" };

        Assert.Equal(["https://issuer.test"], options.GetValidIssuers());
        Assert.Equal("https://login.test/tenant/oauth2/v2.0/token", options.GetTokenEndpoint().AbsoluteUri);
    }
}

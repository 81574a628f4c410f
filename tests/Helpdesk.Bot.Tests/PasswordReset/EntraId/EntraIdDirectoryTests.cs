using System.Net;
using System.Text.Json;
using Helpdesk.Bot.PasswordReset.Directories.EntraId;
using Helpdesk.Skills.PasswordReset.Directory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Helpdesk.Bot.Tests.PasswordReset.EntraId;

/// <summary>The Entra ID directory at the HTTP level against recorded Microsoft Graph responses (no tenant is reachable here).</summary>
public sealed class EntraIdDirectoryTests
{
    private static readonly Func<Uri, bool> TokenUrl = u => u.AbsolutePath == "/tenant-1/oauth2/v2.0/token" && u.Host == "login.microsoftonline.com";
    private static readonly Func<Uri, bool> UsersQuery = u => u.AbsolutePath == "/v1.0/users" && u.Query.Contains("filter", StringComparison.Ordinal);
    private static readonly Func<Uri, bool> UserById = u => u.AbsolutePath == "/v1.0/users/" + RecordedGraphResponses.UserId;
    private static readonly Func<Uri, bool> EmailMethods = u => u.AbsolutePath.EndsWith("/authentication/emailMethods", StringComparison.Ordinal);
    private static readonly Func<Uri, bool> PhoneMethods = u => u.AbsolutePath.EndsWith("/authentication/phoneMethods", StringComparison.Ordinal);

    private readonly RecordedGraphHandler _graph = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Find_ByUpn_ReadsUserAndRegisteredMethodsWithAnAppToken()
    {
        Standard();
        var account = await Directory().FindAsync("AdeleV@contoso.onmicrosoft.com", default);

        Assert.NotNull(account);
        Assert.Equal(RecordedGraphResponses.UserId, account.Id);
        Assert.Equal("AdeleV", account.UserName);
        Assert.Equal("AdeleV@contoso.onmicrosoft.com", account.UserPrincipalName);
        Assert.Equal("Adele Vance", account.DisplayName);
        Assert.Equal("adele.vance@home.example", account.AlternateEmail);
        Assert.Equal("+12065555556", account.MobilePhone); // the mobile phone method, not the office one
        Assert.False(account.IsLocked);
        Assert.True(account.IsEnabled);

        var requests = _graph.Requests.ToList();
        var token = requests[0];
        Assert.Equal(HttpMethod.Post, token.Method);
        Assert.Contains("grant_type=client_credentials", token.Body, StringComparison.Ordinal);
        Assert.Contains("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default", token.Body, StringComparison.Ordinal);
        Assert.Contains("client_id=client-1", token.Body, StringComparison.Ordinal);
        var query = Uri.UnescapeDataString(requests[1].Uri.Query);
        Assert.Contains("$filter=userPrincipalName eq 'AdeleV@contoso.onmicrosoft.com' or mail eq 'AdeleV@contoso.onmicrosoft.com' or mailNickname eq 'AdeleV@contoso.onmicrosoft.com'", query, StringComparison.Ordinal);
        Assert.All(requests.Skip(1), r => Assert.StartsWith("Bearer eyJ0eXAi", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Find_NameWithAQuote_EscapedInTheFilter()
    {
        _graph.On(HttpMethod.Post, TokenUrl, HttpStatusCode.OK, RecordedGraphResponses.Token)
            .On(HttpMethod.Get, UsersQuery, HttpStatusCode.OK, RecordedGraphResponses.UsersNone);

        Assert.Null(await Directory().FindAsync("o'brien", default));
        Assert.Contains("'o''brien'", Uri.UnescapeDataString(_graph.Requests.Last().Uri.Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindById_NoMethodsRegistered_FallsBackToOtherMails()
    {
        _graph.On(HttpMethod.Post, TokenUrl, HttpStatusCode.OK, RecordedGraphResponses.Token)
            .On(HttpMethod.Get, UserById, HttpStatusCode.OK, RecordedGraphResponses.UserAdele)
            .On(HttpMethod.Get, EmailMethods, HttpStatusCode.OK, RecordedGraphResponses.EmailMethodsNone)
            .On(HttpMethod.Get, PhoneMethods, HttpStatusCode.OK, """{"value":[]}""");

        var account = await Directory().FindByIdAsync(RecordedGraphResponses.UserId, default);

        Assert.Equal("adele@fabrikam.example", account!.AlternateEmail);
        Assert.Null(account.MobilePhone);
        Assert.Null(await Directory().FindByIdAsync("not-a-guid", default));
    }

    [Fact]
    public async Task SetPassword_PatchesThePasswordProfileWithMustChange()
    {
        Standard();
        _graph.On(HttpMethod.Patch, UserById, HttpStatusCode.NoContent, null);
        var directory = Directory();
        var account = (await directory.FindAsync("AdeleV", default))!;

        var result = await directory.SetPasswordAsync(account, "Quiet harbor lanterns glow at 7", mustChangeAtNextSignIn: true, default);

        Assert.True(result.Succeeded);
        var patch = _graph.Requests.Single(r => r.Method == HttpMethod.Patch);
        using var body = JsonDocument.Parse(patch.Body!);
        Assert.Equal("Quiet harbor lanterns glow at 7", body.RootElement.GetProperty("passwordProfile").GetProperty("password").GetString());
        Assert.True(body.RootElement.GetProperty("passwordProfile").GetProperty("forceChangePasswordNextSignIn").GetBoolean());
    }

    [Fact]
    public async Task SetPassword_ComplexityRefused_RejectedWithAReason()
    {
        Standard();
        _graph.On(HttpMethod.Patch, UserById, HttpStatusCode.BadRequest, RecordedGraphResponses.PasswordComplexityError);
        var directory = Directory();

        var result = await directory.SetPasswordAsync((await directory.FindAsync("AdeleV", default))!, "short", false, default);

        Assert.False(result.Succeeded);
        Assert.Contains("password policy", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetPassword_InsufficientPrivileges_Unavailable()
    {
        Standard();
        _graph.On(HttpMethod.Patch, UserById, HttpStatusCode.Forbidden, RecordedGraphResponses.InsufficientPrivileges);
        var directory = Directory();
        var account = (await directory.FindAsync("AdeleV", default))!;

        var error = await Assert.ThrowsAsync<DirectoryUnavailableException>(() => directory.SetPasswordAsync(account, "Quiet harbor lanterns glow at 7", false, default));
        Assert.Contains("Authorization_RequestDenied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_CachedUntilShortlyBeforeExpiry()
    {
        Standard();
        var directory = Directory();
        await directory.FindAsync("AdeleV", default);
        await directory.FindAsync("AdeleV", default);
        Assert.Single(_graph.Requests, r => TokenUrl(r.Uri));

        _time.Advance(TimeSpan.FromMinutes(56));
        await directory.FindAsync("AdeleV", default);
        Assert.Equal(2, _graph.Requests.Count(r => TokenUrl(r.Uri)));
    }

    [Fact]
    public async Task Throttled_RetriesOnceAfterRetryAfter()
    {
        _graph.On(HttpMethod.Post, TokenUrl, HttpStatusCode.OK, RecordedGraphResponses.Token)
            .On(HttpMethod.Get, UsersQuery, HttpStatusCode.TooManyRequests, RecordedGraphResponses.Throttled, TimeSpan.FromMilliseconds(10))
            .On(HttpMethod.Get, UsersQuery, HttpStatusCode.OK, RecordedGraphResponses.UsersNone);

        Assert.Null(await Directory(TimeProvider.System).FindAsync("nobody", default));
        Assert.Equal(2, _graph.Requests.Count(r => UsersQuery(r.Uri)));
    }

    [Fact]
    public async Task BadClientSecret_Unavailable()
    {
        _graph.On(HttpMethod.Post, TokenUrl, HttpStatusCode.Unauthorized, RecordedGraphResponses.InvalidClient);

        await Assert.ThrowsAsync<DirectoryUnavailableException>(() => Directory().FindAsync("AdeleV", default));
    }

    [Fact]
    public async Task Unlock_NothingToClear_NoRequest()
    {
        var account = new DirectoryAccount(RecordedGraphResponses.UserId, "AdeleV", "AdeleV@contoso.onmicrosoft.com", "Adele Vance", null, null, null, false);
        await Directory().UnlockAsync(account, default);
        Assert.Empty(_graph.Requests);
    }

    private void Standard() => _graph
        .On(HttpMethod.Post, TokenUrl, HttpStatusCode.OK, RecordedGraphResponses.Token)
        .On(HttpMethod.Get, UsersQuery, HttpStatusCode.OK, RecordedGraphResponses.UsersAdele)
        .On(HttpMethod.Get, EmailMethods, HttpStatusCode.OK, RecordedGraphResponses.EmailMethods)
        .On(HttpMethod.Get, PhoneMethods, HttpStatusCode.OK, RecordedGraphResponses.PhoneMethods);

    private EntraIdDirectory Directory(TimeProvider? delays = null)
    {
        var options = Options.Create(new EntraIdOptions { TenantId = "tenant-1", ClientId = "client-1", ClientSecret = "secret-1" });
        var clients = new Factory(_graph);
        return new EntraIdDirectory(clients, new GraphTokenProvider(clients, options, _time), options, delays ?? _time, NullLogger<EntraIdDirectory>.Instance);
    }

    private sealed class Factory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}

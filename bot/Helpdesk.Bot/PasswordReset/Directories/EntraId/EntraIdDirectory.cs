using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Helpdesk.Skills.PasswordReset.Directory;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.PasswordReset.Directories.EntraId;

/// <summary>
/// Microsoft Entra ID through Microsoft Graph v1.0 (app-only): users by id, UPN, mail or mail nickname
/// (<c>GET /users</c>), registered methods from the authentication-methods API (<c>emailMethods</c>,
/// <c>phoneMethods</c> of type mobile; falling back to <c>otherMails</c> and <c>mobilePhone</c>), password reset with
/// <c>PATCH /users/{id}</c> <c>passwordProfile</c> (<c>forceChangePasswordNextSignIn</c> for must-change). Entra ID's
/// smart lockout is not exposed by Graph: accounts are never reported locked and unlocking has nothing to do (the
/// lockout lifts by itself; a reset also helps). One retry on 429/503, honouring Retry-After up to 5 seconds.
/// </summary>
internal sealed class EntraIdDirectory(IHttpClientFactory clients, GraphTokenProvider tokens, IOptions<EntraIdOptions> options, TimeProvider time, ILogger<EntraIdDirectory> logger) : IAccountDirectory
{
    private const string UserFields = "id,userPrincipalName,displayName,mail,mailNickname,accountEnabled,otherMails,mobilePhone,department,officeLocation";

    public string Name => "entra-id";

    public async Task<DirectoryAccount?> FindAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var value = identifier.Trim().Replace("'", "''", StringComparison.Ordinal);
        var filter = $"userPrincipalName eq '{value}' or mail eq '{value}' or mailNickname eq '{value}'";
        using var document = await GetAsync($"users?$filter={Uri.EscapeDataString(filter)}&$select={UserFields}&$top=2", cancellationToken);
        if (document is null)
        {
            return null;
        }

        var users = document.RootElement.GetProperty("value");
        return users.GetArrayLength() == 1 ? await ToAccountAsync(users[0], cancellationToken) : null;
    }

    public async Task<DirectoryAccount?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!Guid.TryParse(id, out var guid))
        {
            return null;
        }

        using var document = await GetAsync($"users/{guid}?$select={UserFields}", cancellationToken);
        return document is null ? null : await ToAccountAsync(document.RootElement, cancellationToken);
    }

    public Task UnlockAsync(DirectoryAccount account, CancellationToken cancellationToken)
    {
        logger.LogInformation("Entra ID: unlock requested; Graph exposes no lockout to clear (smart lockout lifts by itself)");
        return Task.CompletedTask;
    }

    public async Task<PasswordChangeResult> SetPasswordAsync(DirectoryAccount account, string newPassword, bool mustChangeAtNextSignIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(newPassword);
        var body = new { passwordProfile = new { password = newPassword, forceChangePasswordNextSignIn = mustChangeAtNextSignIn } };
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Patch, Url($"users/{Uri.EscapeDataString(account.Id)}")) { Content = JsonContent.Create(body) }, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return PasswordChangeResult.Success;
        }

        var error = await ErrorAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest && error.Message.Contains("password", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogInformation("Entra ID refused a password reset: {ErrorCode}", error.Code);
            return PasswordChangeResult.Rejected("Entra ID's password policy refused this password (for example a banned or recently used password). Choose a different one.");
        }

        logger.LogWarning("Entra ID password reset failed: {Status} {ErrorCode}", (int)response.StatusCode, error.Code);
        throw new DirectoryUnavailableException($"Entra ID refused the reset ({(int)response.StatusCode} {error.Code}).");
    }

    private async Task<DirectoryAccount> ToAccountAsync(JsonElement user, CancellationToken cancellationToken)
    {
        var id = user.GetProperty("id").GetString()!;
        string? alternate = null;
        string? mobile = null;
        using (var emails = await GetAsync($"users/{id}/authentication/emailMethods", cancellationToken))
        {
            alternate = emails?.RootElement.GetProperty("value").EnumerateArray().Select(m => Text(m, "emailAddress")).FirstOrDefault(a => a is not null);
        }

        using (var phones = await GetAsync($"users/{id}/authentication/phoneMethods", cancellationToken))
        {
            mobile = phones?.RootElement.GetProperty("value").EnumerateArray()
                .Where(p => string.Equals(Text(p, "phoneType"), "mobile", StringComparison.OrdinalIgnoreCase))
                .Select(p => Text(p, "phoneNumber")?.Replace(" ", string.Empty, StringComparison.Ordinal)).FirstOrDefault(p => p is not null);
        }

        alternate ??= user.TryGetProperty("otherMails", out var others) && others.ValueKind == JsonValueKind.Array ? others.EnumerateArray().Select(o => o.GetString()).FirstOrDefault(o => !string.IsNullOrEmpty(o)) : null;
        mobile ??= Text(user, "mobilePhone")?.Replace(" ", string.Empty, StringComparison.Ordinal);
        var upn = Text(user, "userPrincipalName");
        return new DirectoryAccount(
            id,
            Text(user, "mailNickname") ?? upn ?? id,
            upn,
            Text(user, "displayName") ?? upn ?? id,
            Text(user, "mail"),
            alternate,
            mobile,
            IsLocked: false,
            IsEnabled: !user.TryGetProperty("accountEnabled", out var enabled) || enabled.ValueKind != JsonValueKind.False,
            Department: Text(user, "department"),
            Office: Text(user, "officeLocation"));
    }

    /// <summary>GET a Graph resource: the JSON, null on 404; anything else unexpected is "unavailable".</summary>
    private async Task<JsonDocument?> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(path)), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            var error = await ErrorAsync(response, cancellationToken);
            logger.LogWarning("Microsoft Graph answered {Status} {ErrorCode}", (int)response.StatusCode, error.Code);
            throw new DirectoryUnavailableException($"Microsoft Graph answered {(int)response.StatusCode} {error.Code}.");
        }

        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(GraphTokenProvider.ClientName);
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(cancellationToken));
            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw new DirectoryUnavailableException("Microsoft Graph could not be reached.", ex);
            }
            catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DirectoryUnavailableException("Microsoft Graph did not answer in time.", ex);
            }

            if (attempt == 1 && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                response.Dispose();
                await Task.Delay(wait > TimeSpan.FromSeconds(5) ? TimeSpan.FromSeconds(5) : wait, time, cancellationToken);
                continue;
            }

            return response;
        }
    }

    private string Url(string path) => $"{options.Value.GraphBaseUrl.TrimEnd('/')}/{path}";

    private static async Task<(string Code, string Message)> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            var error = document.RootElement.GetProperty("error");
            return (Text(error, "code") ?? "unknown", Text(error, "message") ?? string.Empty);
        }
        catch (JsonException)
        {
            return ("unknown", string.Empty);
        }
        catch (KeyNotFoundException)
        {
            return ("unknown", string.Empty);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}

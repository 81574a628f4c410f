using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Helpdesk.Bot.Handoff.Store;
using Helpdesk.Skills.Cases;
using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>
/// ServiceNow through the Table API (<c>/api/now/table/incident</c>): creates the incident (caller looked up in
/// <c>sys_user</c> by e-mail or user name, short_description, description = the context package, category and
/// subcategory, urgency and impact from the priority, contact type), adds work notes, resolves, and looks incidents
/// up by number for the user. Basic auth, or OAuth bearer tokens from <c>/oauth_token.do</c> (password grant).
/// </summary>
internal sealed class ServiceNowConnector(IHttpClientFactory httpClientFactory, IOptions<ItsmOptions> options, TimeProvider time, ILogger<ServiceNowConnector> logger)
    : IItsmConnector
{
    public const string ConnectorName = "servicenow";
    public const string HttpClientName = "servicenow";
    public const string ResolvedState = "6";
    public const string CloseCode = "Solved (Permanently)";

    private static readonly string[] Categories = ["inquiry", "software", "hardware", "network", "database"];

    private readonly ServiceNowOptions _options = options.Value.ServiceNow;
    private readonly ConcurrentDictionary<string, string> _sysIds = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? _token;

    public string Name => ConnectorName;

    /// <summary>ServiceNow's impact/urgency for a priority (its default matrix gives back the same priority).</summary>
    public static (int Impact, int Urgency) ImpactUrgency(TicketPriority priority) => priority switch
    {
        TicketPriority.P1 => (1, 1),
        TicketPriority.P2 => (1, 2),
        TicketPriority.P3 => (2, 2),
        _ => (3, 2),
    };

    public async Task<string> CreateAsync(HandoffCase handoff, HandoffContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handoff);
        ArgumentNullException.ThrowIfNull(context);
        var (impact, urgency) = ImpactUrgency(handoff.Priority);
        var parts = context.Category.Split('/', 2, StringSplitOptions.TrimEntries);
        var category = Categories.Contains(parts[0], StringComparer.OrdinalIgnoreCase) ? parts[0].ToLowerInvariant() : "inquiry";
        var body = new Dictionary<string, object?>
        {
            ["short_description"] = Truncate(context.Reason, 160),
            ["description"] = HandoffContextText.Render(context, handoff.Number),
            ["category"] = category,
            ["subcategory"] = parts.Length > 1 ? parts[1] : null,
            ["impact"] = impact.ToString(CultureInfo.InvariantCulture),
            ["urgency"] = urgency.ToString(CultureInfo.InvariantCulture),
            ["contact_type"] = _options.ContactType,
            ["correlation_id"] = handoff.Number,
            ["correlation_display"] = "Helpdesk.Bot",
        };
        if (context.User.Account is { } account && await FindCallerAsync(account, cancellationToken) is { } caller)
        {
            body["caller_id"] = caller;
        }

        if (!string.IsNullOrWhiteSpace(_options.AssignmentGroup))
        {
            body["assignment_group"] = _options.AssignmentGroup;
        }

        using var response = await SendAsync(HttpMethod.Post, "/api/now/table/incident?sysparm_fields=sys_id,number", body, cancellationToken);
        var result = await ReadResultAsync(response, cancellationToken);
        var number = result.GetProperty("number").GetString() ?? throw new JsonException("The created incident has no number.");
        _sysIds[number] = result.GetProperty("sys_id").GetString() ?? throw new JsonException("The created incident has no sys_id.");
        logger.LogInformation("ServiceNow: created {Number} for case {Case}", number, handoff.Number);
        return number;
    }

    public async Task AddWorkNoteAsync(string ticketNumber, string note, CancellationToken cancellationToken)
    {
        var sysId = await SysIdAsync(ticketNumber, cancellationToken)
            ?? throw new InvalidOperationException($"ServiceNow has no incident {ticketNumber}.");
        using var response = await SendAsync(HttpMethod.Patch, $"/api/now/table/incident/{sysId}?sysparm_fields=sys_id", new Dictionary<string, object?> { ["work_notes"] = note }, cancellationToken);
        await ReadResultAsync(response, cancellationToken);
    }

    public async Task ResolveAsync(string ticketNumber, string note, CancellationToken cancellationToken)
    {
        var sysId = await SysIdAsync(ticketNumber, cancellationToken)
            ?? throw new InvalidOperationException($"ServiceNow has no incident {ticketNumber}.");
        using var response = await SendAsync(
            HttpMethod.Patch,
            $"/api/now/table/incident/{sysId}?sysparm_fields=sys_id,state",
            new Dictionary<string, object?> { ["state"] = ResolvedState, ["close_code"] = CloseCode, ["close_notes"] = note },
            cancellationToken);
        await ReadResultAsync(response, cancellationToken);
    }

    public async Task<TicketStatus?> GetStatusAsync(string ticketNumber, CancellationToken cancellationToken)
    {
        var record = await FindIncidentAsync(ticketNumber, cancellationToken);
        if (record is not { } incident)
        {
            return null;
        }

        var updated = incident.TryGetProperty("sys_updated_on", out var u) && DateTime.TryParse(u.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : (DateTimeOffset?)null;
        return new TicketStatus(
            incident.GetProperty("number").GetString() ?? ticketNumber,
            Text(incident, "state") ?? "Unknown",
            Text(incident, "short_description"),
            Text(incident, "assigned_to"),
            updated);
    }

    private static string? Text(JsonElement record, string field) =>
        record.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private async Task<string?> SysIdAsync(string number, CancellationToken cancellationToken)
    {
        if (_sysIds.TryGetValue(number, out var known))
        {
            return known;
        }

        var record = await FindIncidentAsync(number, cancellationToken);
        var sysId = record?.TryGetProperty("sys_id", out var id) == true ? id.GetString() : null;
        if (sysId is not null)
        {
            _sysIds[number] = sysId;
        }

        return sysId;
    }

    private async Task<JsonElement?> FindIncidentAsync(string number, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString("number=" + number.Trim().ToUpperInvariant());
        using var response = await SendAsync(
            HttpMethod.Get,
            $"/api/now/table/incident?sysparm_query={query}&sysparm_limit=1&sysparm_display_value=true&sysparm_exclude_reference_link=true&sysparm_fields=sys_id,number,state,short_description,assigned_to,sys_updated_on",
            null,
            cancellationToken);
        var result = await ReadResultAsync(response, cancellationToken);
        return result.ValueKind == JsonValueKind.Array && result.GetArrayLength() > 0 ? result[0].Clone() : null;
    }

    private async Task<string?> FindCallerAsync(string account, CancellationToken cancellationToken)
    {
        var query = Uri.EscapeDataString($"email={account}^ORuser_name={account}");
        using var response = await SendAsync(HttpMethod.Get, $"/api/now/table/sys_user?sysparm_query={query}&sysparm_limit=1&sysparm_fields=sys_id", null, cancellationToken);
        var result = await ReadResultAsync(response, cancellationToken);
        return result.ValueKind == JsonValueKind.Array && result.GetArrayLength() > 0 ? result[0].GetProperty("sys_id").GetString() : null;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        using var request = new HttpRequestMessage(method, new Uri(new Uri(_options.InstanceUrl!.TrimEnd('/') + "/"), pathAndQuery.TrimStart('/')));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Authorization = await AuthorizationAsync(timeout.Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await client.SendAsync(request, timeout.Token);
        if (response.StatusCode == HttpStatusCode.Unauthorized && _options.UsesOAuth)
        {
            _token = null;
        }

        return response;
    }

    private async Task<AuthenticationHeaderValue> AuthorizationAsync(CancellationToken cancellationToken)
    {
        if (!_options.UsesOAuth)
        {
            return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.Username}:{_options.Password}")));
        }

        await _tokenGate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } cached && cached.ExpiresAt > time.GetUtcNow().AddMinutes(1))
            {
                return new AuthenticationHeaderValue("Bearer", cached.Token);
            }

            var client = httpClientFactory.CreateClient(HttpClientName);
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = _options.ClientId!,
                ["client_secret"] = _options.ClientSecret!,
                ["username"] = _options.Username!,
                ["password"] = _options.Password!,
            });
            using var response = await client.PostAsync(new Uri(_options.InstanceUrl!.TrimEnd('/') + "/oauth_token.do"), form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"ServiceNow refused the OAuth token request ({(int)response.StatusCode}).", null, response.StatusCode);
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var token = document.RootElement.GetProperty("access_token").GetString() ?? throw new JsonException("No access_token.");
            var lifetime = document.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) ? seconds : 1800;
            _token = (token, time.GetUtcNow().AddSeconds(lifetime));
            return new AuthenticationHeaderValue("Bearer", token);
        }
        finally
        {
            _tokenGate.Release();
        }
    }

    private static async Task<JsonElement> ReadResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            string? message = null;
            try
            {
                using var error = JsonDocument.Parse(text);
                message = error.RootElement.TryGetProperty("error", out var e) && e.TryGetProperty("message", out var m) ? m.GetString() : null;
            }
            catch (JsonException)
            {
                // Not JSON (an HTML error page).
            }

            throw new HttpRequestException($"ServiceNow answered {(int)response.StatusCode}{(message is null ? string.Empty : ": " + message)}.", null, response.StatusCode);
        }

        using var document = JsonDocument.Parse(text);
        return document.RootElement.GetProperty("result").Clone();
    }
}

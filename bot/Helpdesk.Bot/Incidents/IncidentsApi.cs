using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Helpdesk.Bot.Hosting;
using Helpdesk.Skills.Troubleshooting.Incidents;

namespace Helpdesk.Bot.Incidents;

/// <summary>
/// <c>/api/admin/incidents</c>: list, read, create, update and resolve the known incidents the bot tells users about,
/// with how many people reported each one. Guarded by <see cref="AdminApiKeyFilter{TOptions}"/>; bad input is 400 with problem details.
/// </summary>
internal static partial class IncidentsApi
{
    public const string Route = "/api/admin/incidents";

    private const int MaxTitle = 200;
    private const int MaxDetails = 1000;

    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Route).AddEndpointFilter<AdminApiKeyFilter<IncidentsOptions>>();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPatch("/{id}", UpdateAsync);
        group.MapPost("/{id}/resolve", ResolveAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(KnownIncidents incidents, bool? all, CancellationToken cancellationToken)
    {
        var list = await incidents.ListAsync(all == true, cancellationToken);
        var results = new List<IncidentResponse>(list.Count);
        foreach (var incident in list)
        {
            results.Add(IncidentResponse.From(incident, await incidents.Store.GetStatsAsync(incident.Id, cancellationToken)));
        }

        return TypedResults.Ok(results);
    }

    private static async Task<IResult> GetAsync(string id, KnownIncidents incidents, CancellationToken cancellationToken) =>
        await incidents.FindAsync(id, cancellationToken) is { } incident
            ? TypedResults.Ok(IncidentResponse.From(incident, await incidents.Store.GetStatsAsync(incident.Id, cancellationToken)))
            : NotFound(id);

    private static async Task<IResult> CreateAsync(
        IncidentCreateRequest? request, KnownIncidents incidents, TimeProvider time, HttpContext http, ILogger<KnownIncidents> logger, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "Send the incident as JSON: {\"service\": \"vpn\", \"title\": \"…\"}.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Id is { } givenId && !IdPattern().IsMatch(givenId))
        {
            errors["id"] = ["Use letters, digits, '.', '_' or '-' (up to 64), starting with a letter or digit, e.g. INC0012345."];
        }

        var service = CheckService(request.Service, required: true, errors);
        var title = CheckText(request.Title, "title", MaxTitle, required: true, errors);
        var status = CheckStatus(request.Status, errors) ?? IncidentStatus.Investigating;
        var details = CheckText(request.Details, "details", MaxDetails, required: false, errors);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The incident is not valid");
        }

        var id = request.Id ?? NewId();
        if (await incidents.FindAsync(id, cancellationToken) is not null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Incident exists", detail: $"An incident with the id '{id}' already exists; update it with PATCH {Route}/{id}.");
        }

        var incident = new Incident(id, service!, title!, status, time.GetUtcNow(), request.Eta, details, IncidentSource.Api);
        if (!await incidents.Store.TryCreateAsync(incident, cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Incident exists", detail: $"An incident with the id '{id}' already exists.");
        }

        logger.LogInformation("Admin API: incident {Id} ({Service}, {Status}) created from {Remote}", id, incident.Service, status, http.Connection.RemoteIpAddress);
        return TypedResults.Created($"{Route}/{Uri.EscapeDataString(id)}", IncidentResponse.From(incident, IncidentStats.None));
    }

    private static async Task<IResult> UpdateAsync(
        string id, IncidentUpdateRequest? request, KnownIncidents incidents, TimeProvider time, IIncidentUpdateNotifier notifier, HttpContext http,
        ILogger<KnownIncidents> logger, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "Send the fields to change as JSON, e.g. {\"status\": \"identified\"}.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var service = CheckService(request.Service, required: false, errors);
        var title = CheckText(request.Title, "title", MaxTitle, required: false, errors);
        var status = CheckStatus(request.Status, errors);
        var details = request.Details is null ? null : request.Details.Trim();
        if (details is { Length: > MaxDetails })
        {
            errors["details"] = [$"At most {MaxDetails} characters."];
        }

        if (request.ClearEta == true && request.Eta is not null)
        {
            errors["eta"] = ["Give either eta or clearEta, not both."];
        }

        if (errors.Count == 0 && service is null && title is null && status is null && request.Eta is null && request.ClearEta != true && request.Details is null)
        {
            errors["body"] = ["Nothing to change: give at least one of service, title, status, eta, clearEta, details."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The update is not valid");
        }

        return await ChangeAsync(id, incidents, notifier, cancellationToken, current => current with
        {
            Service = service ?? current.Service,
            Title = title ?? current.Title,
            Status = status ?? current.Status,
            Eta = request.ClearEta == true ? null : request.Eta ?? current.Eta,
            Details = details is null ? current.Details : details.Length == 0 ? null : details,
            Updated = time.GetUtcNow(),
        }, changed => logger.LogInformation("Admin API: incident {Id} updated ({Status}) from {Remote}", changed.Id, changed.Status, http.Connection.RemoteIpAddress));
    }

    private static Task<IResult> ResolveAsync(
        string id, KnownIncidents incidents, TimeProvider time, IIncidentUpdateNotifier notifier, HttpContext http, ILogger<KnownIncidents> logger, CancellationToken cancellationToken) =>
        ChangeAsync(id, incidents, notifier, cancellationToken,
            current => current with { Status = IncidentStatus.Resolved, Updated = time.GetUtcNow() },
            changed => logger.LogInformation("Admin API: incident {Id} resolved from {Remote}", changed.Id, http.Connection.RemoteIpAddress));

    private static async Task<IResult> ChangeAsync(
        string id, KnownIncidents incidents, IIncidentUpdateNotifier notifier, CancellationToken cancellationToken, Func<Incident, Incident> change, Action<Incident> audit)
    {
        var current = await incidents.FindAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound(id);
        }

        if (current.Source == IncidentSource.Feed)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Managed by the feed file",
                detail: $"Incident '{current.Id}' comes from the incidents feed file ({incidents.Feed?.Path}); change it there.");
        }

        var changed = change(current);
        if (!await incidents.Store.UpdateAsync(changed, cancellationToken))
        {
            return NotFound(id);
        }

        audit(changed);
        await notifier.IncidentChangedAsync(changed, await incidents.Store.SubscriptionsAsync(changed.Id, cancellationToken), cancellationToken);
        return TypedResults.Ok(IncidentResponse.From(changed, await incidents.Store.GetStatsAsync(changed.Id, cancellationToken)));
    }

    private static string? CheckService(string? value, bool required, Dictionary<string, string[]> errors)
    {
        var service = value?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(service))
        {
            if (required)
            {
                errors["service"] = ["Required: the affected service as flows name it (vpn, email, wifi, printing, teams…)."];
            }

            return null;
        }

        if (!ServicePattern().IsMatch(service))
        {
            errors["service"] = ["Lowercase letters, digits and dashes, up to 40 (e.g. vpn, exchange-online)."];
            return null;
        }

        return service;
    }

    private static string? CheckText(string? value, string field, int max, bool required, Dictionary<string, string[]> errors)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors[field] = ["Required."];
            }

            return null;
        }

        if (text.Length > max)
        {
            errors[field] = [$"At most {max} characters."];
            return null;
        }

        return text;
    }

    private static IncidentStatus? CheckStatus(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (IncidentFeedParser.ParseStatus(value.Trim()) is { } status)
        {
            return status;
        }

        errors["status"] = ["One of investigating, identified, monitoring, resolved."];
        return null;
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such incident", detail: $"There is no incident with the id '{id}'.");

    private static string NewId() => "INC-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(5));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex ServicePattern();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.PasswordReset.Audit;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.PasswordReset.Audit;

/// <summary>
/// The audit export for administrators: <c>GET /api/admin/password-reset/audit?format=csv|json&amp;from=&amp;to=&amp;limit=</c>
/// and <c>GET /api/admin/password-reset/audit/verify</c> (re-computes the hash chain). Needs the
/// <c>X-Api-Key</c> header equal to <c>PasswordReset:AdminApiKey</c> (compared in constant time); without a configured
/// key the endpoints do not exist (404).
/// </summary>
internal static class AuditExportEndpoints
{
    public const string Route = "/api/admin/password-reset/audit";
    public const string ApiKeyHeader = "X-Api-Key";
    public const int MaxLimit = 100_000;

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, ExportAsync);
        endpoints.MapGet(Route + "/verify", VerifyAsync);
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(HttpContext context, SqliteAuditLog log, IOptions<PasswordResetHostOptions> options)
    {
        if (Authorize(context, options.Value) is { } denied)
        {
            return denied;
        }

        var query = context.Request.Query;
        var format = query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "json";
        if (format is not ("json" or "csv"))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "format must be 'json' or 'csv'.");
        }

        if (!TryTime(query["from"], out var from) || !TryTime(query["to"], out var to))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "from and to must be ISO 8601 times, e.g. 2026-12-01T00:00:00Z.");
        }

        var limit = MaxLimit;
        if (query["limit"].ToString() is { Length: > 0 } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: $"limit must be 1 to {MaxLimit}.");
        }

        var records = await log.ReadAsync(from, to, limit, context.RequestAborted);
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return format == "csv"
            ? Results.Text(AuditCsv.Write(records), "text/csv; charset=utf-8", Encoding.UTF8)
            : Results.Json(records, ActivitySerializer.Options);
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, SqliteAuditLog log, IOptions<PasswordResetHostOptions> options)
    {
        if (Authorize(context, options.Value) is { } denied)
        {
            return denied;
        }

        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return Results.Json(await log.VerifyAsync(context.RequestAborted), ActivitySerializer.Options);
    }

    private static IResult? Authorize(HttpContext context, PasswordResetHostOptions options)
    {
        if (string.IsNullOrEmpty(options.AdminApiKey))
        {
            return Results.NotFound();
        }

        var presented = context.Request.Headers[ApiKeyHeader].ToString();
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(options.AdminApiKey));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        return presented.Length > 0 && CryptographicOperations.FixedTimeEquals(expected, actual)
            ? null
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: $"Send the admin API key in the {ApiKeyHeader} header.");
    }

    private static bool TryTime(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }
}

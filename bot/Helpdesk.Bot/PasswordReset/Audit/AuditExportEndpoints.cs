using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Audit;
using Helpdesk.Skills.PasswordReset.Directory;
using Helpdesk.Skills.PasswordReset.Verification;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Helpdesk.Bot.PasswordReset.Audit;

/// <summary>
/// The audit export for administrators: <c>GET /api/admin/password-reset/audit?format=csv|json&amp;from=&amp;to=&amp;limit=</c>
/// and <c>GET /api/admin/password-reset/audit/verify</c> (re-computes the hash chain). Needs the
/// <c>X-Api-Key</c> header equal to <c>PasswordReset:AdminApiKey</c> (compared in constant time); without a configured
/// key the endpoints do not exist (404). <c>POST /api/admin/password-reset/enrollments</c> <c>{"account"}</c> enrols
/// an account's authenticator app (for directories that hold no authenticator secret: AD, Entra ID) and returns the
/// secret once; the enrolment is audited (without the secret).
/// </summary>
internal static class AuditExportEndpoints
{
    public const string Route = "/api/admin/password-reset/audit";
    public const string EnrollmentsRoute = "/api/admin/password-reset/enrollments";
    public const string ApiKeyHeader = "X-Api-Key";
    public const int MaxLimit = 100_000;

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, ExportAsync);
        endpoints.MapGet(Route + "/verify", VerifyAsync);
        endpoints.MapPost(EnrollmentsRoute, EnrollAsync);
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

    private static async Task<IResult> EnrollAsync(
        HttpContext context,
        IAccountDirectory directory,
        TotpEnrollmentStore enrollments,
        PasswordResetAudit audit,
        PasswordResetOptions resetOptions,
        IOptions<PasswordResetHostOptions> options)
    {
        if (Authorize(context, options.Value) is { } denied)
        {
            return denied;
        }

        EnrollmentRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<EnrollmentRequest>(ActivitySerializer.Options, context.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            request = null;
        }

        if (string.IsNullOrWhiteSpace(request?.Account))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "Send {\"account\": \"user name, UPN or e-mail\"}.");
        }

        DirectoryAccount? account;
        try
        {
            account = await directory.FindAsync(request.Account, context.RequestAborted);
        }
        catch (DirectoryUnavailableException)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Directory unavailable", detail: "The account directory could not be reached.");
        }

        if (account is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such account", detail: "No account has that name.");
        }

        var secret = RandomNumberGenerator.GetBytes(20);
        await enrollments.EnrollAsync(account.Id, secret, context.RequestAborted);
        await audit.RecordAsync(new AuditEntry(AuditEvents.TotpEnrolled, account.SignInName, "admin-api", null, "web:" + context.Connection.RemoteIpAddress, "ok", null), context.RequestAborted);
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        var base32 = OtpNet.Base32Encoding.ToString(secret).TrimEnd('=');
        return Results.Json(new EnrollmentResponse(account.SignInName, base32, TotpVerifier.EnrollmentUri(secret, resetOptions.OrganizationName, account.SignInName)), ActivitySerializer.Options);
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

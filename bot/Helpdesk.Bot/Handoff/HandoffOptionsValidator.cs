using Microsoft.Extensions.Options;

namespace Helpdesk.Bot.Handoff;

/// <summary>Checks <see cref="HandoffOptions"/> at start; each failure names the setting.</summary>
internal sealed class HandoffOptionsValidator : IValidateOptions<HandoffOptions>
{
    public ValidateOptionsResult Validate(string? name, HandoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.Equals(options.Mode, HandoffModes.Queue, StringComparison.OrdinalIgnoreCase) && !options.UsesHub)
        {
            failures.Add("Handoff:Mode must be 'Queue' (built-in queue and agent console) or 'Hub' (handoff.initiate to a contact-center hub).");
        }

        if (!string.Equals(options.StoreProvider, "sqlite", StringComparison.OrdinalIgnoreCase) && !options.UsesPostgres)
        {
            failures.Add("Handoff:StoreProvider must be 'Sqlite' or 'PostgreSql'.");
        }

        if (options.UsesPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add("Handoff:ConnectionString is required when Handoff:StoreProvider is 'PostgreSql'.");
        }

        foreach (var (key, value) in new[] { ("P1", options.Sla.P1), ("P2", options.Sla.P2), ("P3", options.Sla.P3), ("P4", options.Sla.P4) })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"Handoff:Sla:{key} must be a positive time span (e.g. 00:15:00).");
            }
        }

        if (options.AverageHandleTime <= TimeSpan.Zero)
        {
            failures.Add("Handoff:AverageHandleTime must be positive.");
        }

        if (options.QueueUpdateInterval < TimeSpan.FromSeconds(1))
        {
            failures.Add("Handoff:QueueUpdateInterval must be at least 1 second.");
        }

        if (options.AgentOnlineWindow < TimeSpan.FromSeconds(10))
        {
            failures.Add("Handoff:AgentOnlineWindow must be at least 10 seconds.");
        }

        if (options.TranscriptRetention < TimeSpan.FromDays(1))
        {
            failures.Add("Handoff:TranscriptRetention must be at least 1 day (e.g. 90.00:00:00).");
        }

        if (options.TranscriptLimit is < 1 or > 5000)
        {
            failures.Add("Handoff:TranscriptLimit must be between 1 and 5000.");
        }

        var hours = options.BusinessHours;
        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(hours.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            failures.Add($"Handoff:BusinessHours:TimeZone '{hours.TimeZone}' is not a known time zone (e.g. 'UTC', 'Europe/Berlin').");
        }

        try
        {
            var days = BusinessHours.ParseDays(hours.Days).ToList();
            if (!hours.AlwaysOpen && days.Count == 0)
            {
                failures.Add("Handoff:BusinessHours:Days must name at least one day (e.g. 'Mon,Tue,Wed,Thu,Fri'), or set AlwaysOpen.");
            }
        }
        catch (FormatException ex)
        {
            failures.Add($"Handoff:BusinessHours:Days: {ex.Message} Use Mon,Tue,Wed,Thu,Fri,Sat,Sun.");
        }

        if (!hours.AlwaysOpen && (hours.Open < TimeSpan.Zero || hours.Close > TimeSpan.FromHours(24) || hours.Open >= hours.Close))
        {
            failures.Add("Handoff:BusinessHours:Open must be before Close, both within the day (e.g. 07:00:00 and 19:00:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

namespace Helpdesk.Bot.Handoff;

/// <summary>When agents work. Section <c>Handoff:BusinessHours</c>.</summary>
internal sealed class BusinessHoursOptions
{
    /// <summary>True: the desk is always staffed (no closed hours).</summary>
    public bool AlwaysOpen { get; set; }

    /// <summary>IANA or Windows time zone id of the desk (e.g. <c>Europe/Berlin</c>).</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Working days, e.g. <c>Mon,Tue,Wed,Thu,Fri</c>.</summary>
    public string Days { get; set; } = "Mon,Tue,Wed,Thu,Fri";

    /// <summary>Opening time of day (desk time).</summary>
    public TimeSpan Open { get; set; } = TimeSpan.FromHours(7);

    /// <summary>Closing time of day (desk time).</summary>
    public TimeSpan Close { get; set; } = TimeSpan.FromHours(19);
}

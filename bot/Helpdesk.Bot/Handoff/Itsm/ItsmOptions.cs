namespace Helpdesk.Bot.Handoff.Itsm;

/// <summary>Where escalations become tickets. Section <c>Handoff:Itsm</c>.</summary>
internal sealed class ItsmOptions
{
    public const string SectionName = HandoffOptions.SectionName + ":Itsm";

    /// <summary><c>Builtin</c> (default: the queue's store), <c>ServiceNow</c> (Table API) or <c>Webhook</c> (signed JSON POSTs).</summary>
    public string Connector { get; set; } = "Builtin";

    public ServiceNowOptions ServiceNow { get; set; } = new();

    public ItsmWebhookOptions Webhook { get; set; } = new();

    public bool UsesServiceNow => string.Equals(Connector, ServiceNowConnector.ConnectorName, StringComparison.OrdinalIgnoreCase);

    public bool UsesWebhook => string.Equals(Connector, WebhookItsmConnector.ConnectorName, StringComparison.OrdinalIgnoreCase);
}

using Helpdesk.Bot.Core.Redaction;
using Helpdesk.KnowledgeIndex.Search;
using Helpdesk.Skills.Cases;
using Helpdesk.Skills.Troubleshooting.Incidents;
using Helpdesk.Skills.Troubleshooting.UserDirectory;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>What the flow engine works with.</summary>
internal sealed record TroubleshootingServices(
    IFlowCatalog Catalog,
    CaseFileAccessor Cases,
    IKnownIncidents Incidents,
    IUserDirectoryLookup Directory,
    IKnowledgeSearch? Knowledge,
    ISecretRedactor Redactor,
    TimeProvider Time,
    TroubleshootingOptions Options);

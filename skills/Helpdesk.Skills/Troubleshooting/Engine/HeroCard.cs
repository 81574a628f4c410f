using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Skills.Troubleshooting.Engine;

/// <summary>The content of a hero card attachment (<see cref="AttachmentContentTypes.HeroCard"/>): text and buttons.</summary>
internal sealed record HeroCard(string? Title, string? Text, IReadOnlyList<CardAction> Buttons);

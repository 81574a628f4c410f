using System.Text.Json;
using Helpdesk.Bot.Channels.BotFramework;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.State;

namespace Helpdesk.Bot.Channels.Teams.Proactive;

/// <summary>
/// <see cref="IConversationReferenceStore"/> over the bot's <see cref="IStorage"/> (SQLite or memory). Only what is
/// needed to send is kept — channel, service URL (https, or http to loopback, for references the Bot Connector sends
/// to), conversation, bot and user accounts, locale, the adapter's name; never message content or the id of the
/// message the user wrote. Keys:
/// <c>conversation-references/{channel}/{conversation}</c> and, for personal chats,
/// <c>conversation-references/{channel}/users/{user}</c> pointing at the conversation.
/// </summary>
internal sealed class StorageConversationReferenceStore(IStorage storage, TimeProvider timeProvider) : IConversationReferenceStore
{
    private const string Prefix = "conversation-references/";

    public async Task SaveAsync(ConversationReference reference, string? adapterName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var safe = Sanitize(reference, adapterName)
            ?? throw new ArgumentException("A conversation reference needs a channel id, a conversation id and an https (or loopback http) service URL.", nameof(reference));
        var item = new StoredConversationReference(safe, timeProvider.GetUtcNow(), AdapterName: adapterName);
        var changes = new Dictionary<string, StoreItem>(StringComparer.Ordinal)
        {
            [ConversationKey(safe.ChannelId!, safe.Conversation!.Id!)] = new(JsonSerializer.SerializeToElement(item, ActivitySerializer.Options), StoreItem.AnyETag),
        };
        if (IsPersonal(safe) && !string.IsNullOrWhiteSpace(safe.User?.Id))
        {
            changes[UserKey(safe.ChannelId!, safe.User.Id)] = new(JsonSerializer.SerializeToElement(safe.Conversation.Id, ActivitySerializer.Options), StoreItem.AnyETag);
        }

        await storage.WriteAsync(changes, cancellationToken);
    }

    public async Task<StoredConversationReference?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(conversationId);
        var key = ConversationKey(channelId, conversationId);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item) ? item.Value.Deserialize<StoredConversationReference>(ActivitySerializer.Options) : null;
    }

    public async Task<StoredConversationReference?> FindPersonalAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var key = UserKey(channelId, userId);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item) && item.Value.ValueKind == JsonValueKind.String
            ? await GetAsync(channelId, item.Value.GetString()!, cancellationToken)
            : null;
    }

    public async Task MarkDeadAsync(string channelId, string conversationId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var key = ConversationKey(channelId, conversationId);
        for (var attempt = 0; ; attempt++)
        {
            var items = await storage.ReadAsync([key], cancellationToken);
            if (!items.TryGetValue(key, out var current))
            {
                return;
            }

            var stored = current.Value.Deserialize<StoredConversationReference>(ActivitySerializer.Options)!;
            if (stored.IsDead)
            {
                return;
            }

            var dead = stored with { DeadSince = timeProvider.GetUtcNow(), DeadReason = reason };
            try
            {
                await storage.WriteAsync(
                    new Dictionary<string, StoreItem>(StringComparer.Ordinal) { [key] = new(JsonSerializer.SerializeToElement(dead, ActivitySerializer.Options), current.ETag) },
                    cancellationToken);
                return;
            }
            catch (StorageConcurrencyException) when (attempt < 3)
            {
                // Saved or marked meanwhile: read again.
            }
        }
    }

    /// <summary>
    /// The reference reduced to what sending needs, or null when it can't be used to send. The service URL must pass
    /// <see cref="ServiceUrlPolicy"/> unless the reference belongs to an adapter that never calls it (the built-in
    /// Direct Line, the direct Slack adapter: <paramref name="adapterName"/> names one other than the Bot Connector's).
    /// </summary>
    public static ConversationReference? Sanitize(ConversationReference reference, string? adapterName = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var dialsServiceUrl = adapterName is null || string.Equals(adapterName, BotFrameworkAdapter.ProactiveName, StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(reference.ChannelId) || string.IsNullOrWhiteSpace(reference.Conversation?.Id)
            || (dialsServiceUrl && !ServiceUrlPolicy.IsAllowed(reference.ServiceUrl, out _)))
        {
            return null;
        }

        var conversation = reference.Conversation;
        return new ConversationReference
        {
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Locale = reference.Locale,
            Conversation = new ConversationAccount(conversation.Id, conversation.Name, conversation.IsGroup)
            {
                ConversationType = conversation.ConversationType,
                TenantId = conversation.TenantId,
            },
            Bot = Account(reference.Bot, RoleTypes.Bot),
            User = Account(reference.User, RoleTypes.User),
        };
    }

    private static ChannelAccount? Account(ChannelAccount? account, string role) =>
        account?.Id is null ? null : new ChannelAccount(account.Id, account.Name, role) { AadObjectId = account.AadObjectId };

    private static bool IsPersonal(ConversationReference reference) =>
        reference.Conversation?.ConversationType is { } type
            ? string.Equals(type, TeamsProtocol.PersonalConversation, StringComparison.OrdinalIgnoreCase)
            : reference.Conversation?.IsGroup != true;

    private static string ConversationKey(string channelId, string conversationId) =>
        $"{Prefix}{Uri.EscapeDataString(channelId.ToLowerInvariant())}/{Uri.EscapeDataString(conversationId)}";

    private static string UserKey(string channelId, string userId) =>
        $"{Prefix}{Uri.EscapeDataString(channelId.ToLowerInvariant())}/users/{Uri.EscapeDataString(userId)}";
}

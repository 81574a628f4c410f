using System.Text.Json;
using System.Text.Json.Serialization;

namespace Helpdesk.Bot.Core.Schema;

/// <summary>
/// A Bot Framework activity (https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md).
/// Every field Teams, Web Chat, Direct Line and Slack-via-Azure send is named here; any other field lands in
/// <see cref="Properties"/> and is written back unchanged, so activities round-trip untouched.
/// </summary>
public sealed class Activity
{
    private WireTimestamp? _timestamp;
    private WireTimestamp? _localTimestamp;
    private WireTimestamp? _expiration;

    public string? Type { get; set; }

    public string? Id { get; set; }

    /// <summary>
    /// When the channel received or sent the activity (UTC). A timestamp read from the wire is written back with
    /// its original text; setting it replaces that text.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? Timestamp
    {
        get => _timestamp?.Value;
        set => _timestamp = WireTimestamp.From(value);
    }

    [JsonInclude]
    [JsonPropertyName("timestamp")]
    private WireTimestamp? TimestampWire
    {
        get => _timestamp;
        set => _timestamp = value;
    }

    /// <summary>The sender's local time, with its UTC offset; round-trips like <see cref="Timestamp"/>.</summary>
    [JsonIgnore]
    public DateTimeOffset? LocalTimestamp
    {
        get => _localTimestamp?.Value;
        set => _localTimestamp = WireTimestamp.From(value);
    }

    [JsonInclude]
    [JsonPropertyName("localTimestamp")]
    private WireTimestamp? LocalTimestampWire
    {
        get => _localTimestamp;
        set => _localTimestamp = value;
    }

    public string? LocalTimezone { get; set; }

    public string? CallerId { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public string? TextFormat { get; set; }

    public string? AttachmentLayout { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    public IList<MessageReaction>? ReactionsAdded { get; set; }

    public IList<MessageReaction>? ReactionsRemoved { get; set; }

    public string? TopicName { get; set; }

    public bool? HistoryDisclosed { get; set; }

    public string? Locale { get; set; }

    public string? Text { get; set; }

    public string? Speak { get; set; }

    public string? InputHint { get; set; }

    public string? Summary { get; set; }

    public SuggestedActions? SuggestedActions { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    /// <summary>Channel-specific payload; a <see cref="JsonElement"/> when read from the wire.</summary>
    public object? ChannelData { get; set; }

    /// <summary>"add"/"remove" on contactRelationUpdate and installationUpdate.</summary>
    public string? Action { get; set; }

    public string? ReplyToId { get; set; }

    public string? Label { get; set; }

    public string? ValueType { get; set; }

    /// <summary>Structured payload (card submit data, event or invoke value); a <see cref="JsonElement"/> when read.</summary>
    public object? Value { get; set; }

    /// <summary>Name of an event or invoke operation.</summary>
    public string? Name { get; set; }

    public ConversationReference? RelatesTo { get; set; }

    /// <summary>endOfConversation code.</summary>
    public string? Code { get; set; }

    /// <summary>When the activity should be considered expired; round-trips like <see cref="Timestamp"/>.</summary>
    [JsonIgnore]
    public DateTimeOffset? Expiration
    {
        get => _expiration?.Value;
        set => _expiration = WireTimestamp.From(value);
    }

    [JsonInclude]
    [JsonPropertyName("expiration")]
    private WireTimestamp? ExpirationWire
    {
        get => _expiration;
        set => _expiration = value;
    }

    public string? Importance { get; set; }

    public string? DeliveryMode { get; set; }

    public IList<string>? ListenFor { get; set; }

    public IList<TextHighlight>? TextHighlights { get; set; }

    public SemanticAction? SemanticAction { get; set; }

    /// <summary>Fields this schema does not name; kept so they round-trip untouched.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>A message activity carrying <paramref name="text"/>.</summary>
    public static Activity CreateMessage(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    /// <summary>True when <see cref="Type"/> equals <paramref name="type"/> (case-insensitive, as channels vary).</summary>
    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A reply to this activity: same channel, conversation and service URL, from and recipient swapped,
    /// <see cref="ReplyToId"/> set to this activity's id (except for a Direct Line / Web Chat conversationUpdate,
    /// which the client never sees: Web Chat holds back replies to activities it has not seen).
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient is null ? null : new ChannelAccount(Recipient.Id, Recipient.Name, RoleTypes.Bot),
        Recipient = From is null ? null : new ChannelAccount(From.Id, From.Name, From.Role ?? RoleTypes.User) { AadObjectId = From.AadObjectId },
        ReplyToId = IdToReplyTo,
        Locale = Locale,
        InputHint = InputHints.AcceptingInput,
        Attachments = [],
        Entities = [],
    };

    /// <summary>
    /// The reference that lets the bot send into this conversation later. Its <see cref="ConversationReference.ActivityId"/>
    /// is this activity's id, except for a Direct Line / Web Chat conversationUpdate (see <see cref="CreateReply"/>).
    /// </summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = IdToReplyTo,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>
    /// Addresses this (outgoing) activity to the conversation in <paramref name="reference"/>: channel, service URL,
    /// conversation, bot as sender and user as recipient; <see cref="ReplyToId"/> set to the referenced activity
    /// unless one is set already.
    /// </summary>
    public Activity ApplyConversationReference(ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        From = reference.Bot;
        Recipient = reference.User;
        ReplyToId ??= reference.ActivityId;

        return this;
    }

    /// <summary>The mention entities of this activity.</summary>
    public IEnumerable<Entity> GetMentions() =>
        Entities?.Where(e => string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)) ?? [];

    /// <summary>
    /// The id replies may point at. Direct Line never streams the conversationUpdate it synthesizes, so on
    /// directline/webchat a reply to one must not carry a replyToId (the Bot Framework SDK does the same).
    /// </summary>
    private string? IdToReplyTo =>
        IsType(ActivityTypes.ConversationUpdate)
        && (string.Equals(ChannelId, ChannelIds.Directline, StringComparison.OrdinalIgnoreCase)
            || string.Equals(ChannelId, ChannelIds.Webchat, StringComparison.OrdinalIgnoreCase))
            ? null
            : Id;

    /// <summary>A deep copy made through the wire format.</summary>
    public Activity Clone() => ActivitySerializer.Deserialize(ActivitySerializer.SerializeToUtf8Bytes(this));
}

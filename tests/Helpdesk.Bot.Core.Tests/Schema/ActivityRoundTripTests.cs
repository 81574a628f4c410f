using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Core.Tests.Schema;

/// <summary>Captured Teams / Web Chat / Direct Line activities survive deserialize → serialize unchanged.</summary>
public sealed class ActivityRoundTripTests
{
    private const string UnknownName = "x-helpdesk-unknown";

    /// <summary>An unknown value with every JSON kind, a null and a number whose text must not be normalized.</summary>
    private const string UnknownValue = """{"nested":[1,"two",{"three":3.50,"big":12345678901234567890}],"none":null,"yes":true,"text":"<b>é</b>"}""";

    public static TheoryData<string> Files => CapturedActivities.Names();

    [Fact]
    public void CapturedFolder_HoldsTheCapturedShapes_AtLeastTwelve()
    {
        Assert.True(Files.Count >= 12, $"Only {Files.Count} captured activities in {CapturedActivities.Folder}.");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Serialize_CapturedActivity_ReproducesTheOriginalJson(string file)
    {
        var original = CapturedActivities.Read(file);

        var activity = ActivitySerializer.Deserialize(original);
        var written = ActivitySerializer.Serialize(activity);

        JsonTreeAssert.Equal(original, written);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void SerializeToUtf8Bytes_CapturedActivityReadFromBytes_ReproducesTheOriginalJson(string file)
    {
        var original = CapturedActivities.Read(file);

        var activity = ActivitySerializer.Deserialize(Encoding.UTF8.GetBytes(original));
        var written = Encoding.UTF8.GetString(ActivitySerializer.SerializeToUtf8Bytes(activity));

        JsonTreeAssert.Equal(original, written);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Clone_CapturedActivity_IsAnEqualButSeparateCopy(string file)
    {
        var original = CapturedActivities.Read(file);
        var activity = ActivitySerializer.Deserialize(original);

        var clone = activity.Clone();
        clone.Text = "changed";

        Assert.NotSame(activity, clone);
        JsonTreeAssert.Equal(original, ActivitySerializer.Serialize(activity));
        Assert.Equal("changed", clone.Text);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Serialize_UnknownFieldsAtEveryLevel_SurviveUntouched(string file)
    {
        var tree = JsonNode.Parse(CapturedActivities.Read(file))!.AsObject();
        var injected = InjectEverywhere(tree);
        var original = tree.ToJsonString();

        var activity = ActivitySerializer.Deserialize(original);
        var written = ActivitySerializer.Serialize(activity);

        JsonTreeAssert.Equal(original, written);
        Assert.True(injected >= 2, "the activity and at least one nested object carry the unknown field");
        AssertKeptInProperties(activity.Properties);
        foreach (var account in new[] { activity.From, activity.Recipient }.OfType<ChannelAccount>())
        {
            AssertKeptInProperties(account.Properties);
        }

        if (activity.Conversation is not null)
        {
            AssertKeptInProperties(activity.Conversation.Properties);
        }
        foreach (var entity in activity.Entities ?? [])
        {
            AssertKeptInProperties(entity.Properties);
        }

        foreach (var attachment in activity.Attachments ?? [])
        {
            AssertKeptInProperties(attachment.Properties);
        }

        foreach (var action in activity.SuggestedActions?.Actions ?? [])
        {
            AssertKeptInProperties(action.Properties);
        }

        foreach (var member in activity.MembersAdded ?? [])
        {
            AssertKeptInProperties(member.Properties);
        }

        foreach (var reaction in activity.ReactionsAdded ?? [])
        {
            AssertKeptInProperties(reaction.Properties);
        }

        if (activity.ChannelData is JsonElement channelData && channelData.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(JsonValueKind.Object, channelData.GetProperty(UnknownName).ValueKind);
        }

        if (activity.Value is JsonElement value && value.ValueKind == JsonValueKind.Object)
        {
            Assert.Equal(JsonValueKind.Object, value.GetProperty(UnknownName).ValueKind);
        }
    }

    private static void AssertKeptInProperties(Dictionary<string, JsonElement>? properties)
    {
        Assert.NotNull(properties);
        Assert.True(properties.TryGetValue(UnknownName, out var kept), $"'{UnknownName}' was not kept in Properties.");
        JsonTreeAssert.Equal(UnknownValue, kept.GetRawText());
    }

    /// <summary>
    /// Adds the unknown member to the activity and to every nested object the schema models or passes through:
    /// from, recipient, conversation, attachments (and their content), entities, channelData, value,
    /// suggestedActions and its actions, card buttons, membersAdded/Removed and reactions.
    /// </summary>
    private static int InjectEverywhere(JsonObject activity)
    {
        var count = 0;
        void Add(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                obj[UnknownName] = JsonNode.Parse(UnknownValue);
                count++;
            }
        }

        void AddToItems(JsonNode? node)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Add(item);
                }
            }
        }

        foreach (var name in new[] { "from", "recipient", "conversation", "channelData", "value", "suggestedActions", "relatesTo" })
        {
            Add(activity[name]);
        }

        foreach (var name in new[] { "entities", "membersAdded", "membersRemoved", "reactionsAdded", "reactionsRemoved" })
        {
            AddToItems(activity[name]);
        }

        AddToItems(activity["suggestedActions"]?["actions"]);
        if (activity["attachments"] is JsonArray attachments)
        {
            foreach (var attachment in attachments)
            {
                Add(attachment);
                Add(attachment?["content"]);
                AddToItems(attachment?["content"]?["buttons"]);
                AddToItems(attachment?["content"]?["actions"]);
            }
        }

        Add(activity);
        return count;
    }
}

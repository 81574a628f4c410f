using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Teams;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Tests.Channels.Teams;

public sealed class TeamsActivityRendererTests
{
    private static readonly string[] Menu = ["Reset my password", "Unlock my account", "Fix a problem", "Search help articles", "Talk to a person"];

    [Fact]
    public void Render_PersonalChatThreeImBacks_KeepsSuggestedActionsAndSameInstance()
    {
        var activity = Addressed(MessageFactory.SuggestedActions(["Yes", "No", "Maybe"], "Did that work?"), "personal");

        var rendered = TeamsActivityRenderer.Render(activity);

        Assert.Same(activity, rendered);
        Assert.Equal(3, rendered.SuggestedActions!.Actions!.Count);
        Assert.Null(rendered.Attachments);
    }

    [Fact]
    public void Render_PersonalChatFiveChoices_BecomesAdaptiveCardWithImBackSubmits()
    {
        var activity = Addressed(MessageFactory.SuggestedActions(Menu, "What can I help you with?"), "personal");

        var rendered = TeamsActivityRenderer.Render(activity);

        Assert.NotSame(activity, rendered);
        Assert.NotNull(activity.SuggestedActions); // the bot's activity is not changed
        Assert.Null(rendered.SuggestedActions);
        Assert.Equal("What can I help you with?", rendered.Text);
        var card = Card(Assert.Single(rendered.Attachments!));
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        var actions = Actions(card);
        Assert.Equal(Menu, actions.Select(a => (string?)a["title"]));
        Assert.All(actions, a => Assert.Equal("Action.Submit", (string?)a["type"]));
        Assert.Equal("imBack", (string?)actions[2]["data"]!["msteams"]!["type"]);
        Assert.Equal("Fix a problem", (string?)actions[2]["data"]!["msteams"]!["value"]);
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public void Render_GroupScopes_EvenTwoChoicesBecomeACard(string conversationType)
    {
        var activity = Addressed(MessageFactory.SuggestedActions(["Yes", "No"], "Did that work?"), conversationType);

        var rendered = TeamsActivityRenderer.Render(activity);

        Assert.Null(rendered.SuggestedActions);
        Assert.Equal(["Yes", "No"], Actions(Card(Assert.Single(rendered.Attachments!))).Select(a => (string?)a["title"]));
    }

    [Fact]
    public void Render_SevenChoices_SplitIntoActionSetsOfAtMostSix()
    {
        var choices = Enumerable.Range(1, 7).Select(i => $"Option {i}").ToArray();
        var rendered = TeamsActivityRenderer.Render(Addressed(MessageFactory.SuggestedActions(choices, "Pick"), "groupChat"));

        var body = Card(rendered.Attachments![0])["body"]!.AsArray();
        Assert.Equal(2, body.Count);
        Assert.Equal(6, body[0]!["actions"]!.AsArray().Count);
        Assert.Single(body[1]!["actions"]!.AsArray());
    }

    [Fact]
    public void Render_OtherButtonKinds_MapToTeamsEquivalents()
    {
        var activity = Addressed(MessageFactory.SuggestedActions(
        [
            CardAction.OpenUrl("Portal", "https://servicedesk.contoso.example"),
            new CardAction(ActionTypes.MessageBack, "Helpful") { Text = "yes", DisplayText = "Yes, that helped", Value = new { kb = "vpn-01" } },
            new CardAction(ActionTypes.PostBack, "Hidden", "secret-choice"),
            new CardAction(ActionTypes.Signin, "Sign in", "https://login.example"),
        ], "Links"), "personal");

        var actions = Actions(Card(Assert.Single(TeamsActivityRenderer.Render(activity).Attachments!)));

        Assert.Equal(3, actions.Count); // signin has no card-button form
        Assert.Equal("Action.OpenUrl", (string?)actions[0]["type"]);
        Assert.Equal("https://servicedesk.contoso.example", (string?)actions[0]["url"]);
        var messageBack = actions[1]["data"]!["msteams"]!;
        Assert.Equal("messageBack", (string?)messageBack["type"]);
        Assert.Equal("yes", (string?)messageBack["text"]);
        Assert.Equal("Yes, that helped", (string?)messageBack["displayText"]);
        Assert.Equal("vpn-01", (string?)messageBack["value"]!["kb"]);
        var postBack = actions[2]["data"]!["msteams"]!;
        Assert.Equal("secret-choice", (string?)postBack["text"]);
        Assert.Null(postBack["displayText"]);
    }

    [Fact]
    public void Render_AdaptiveCardWithStringSubmitData_GetsImBackExtensionAndKeepsObjectData()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Was this helpful?"},
              {"type":"ActionSet","actions":[{"type":"Action.Submit","title":"Yes","data":"Yes"},{"type":"Action.Submit","title":"Rate","data":{"rating":5}}]}],
             "actions":[{"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","actions":[{"type":"Action.Submit","title":"No","data":"No"}]}}]}
            """);
        var activity = Addressed(MessageFactory.Attachment(new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = card }), "groupChat");

        var rendered = Card(Assert.Single(TeamsActivityRenderer.Render(activity).Attachments!));

        Assert.Equal("1.5", (string?)rendered["version"]);
        var set = rendered["body"]![1]!["actions"]!;
        Assert.Equal("Yes", (string?)set[0]!["data"]!["msteams"]!["value"]);
        Assert.Equal(5, (int)set[1]!["data"]!["rating"]!);
        Assert.Equal("No", (string?)rendered["actions"]![0]!["card"]!["actions"]![0]!["data"]!["msteams"]!["value"]);
    }

    [Fact]
    public void Render_AdaptiveCardWithVersionAndObjectData_Unchanged()
    {
        var card = JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[],"actions":[{"type":"Action.Submit","title":"Go","data":{"x":1}}]}""");
        var activity = Addressed(MessageFactory.Attachment(new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = card }), "channel");

        Assert.Same(activity, TeamsActivityRenderer.Render(activity));
    }

    [Fact]
    public void Render_NonMessage_Unchanged()
    {
        var typing = new Activity { Type = ActivityTypes.Typing };

        Assert.Same(typing, TeamsActivityRenderer.Render(typing));
    }

    private static Activity Addressed(Activity activity, string conversationType)
    {
        activity.ChannelId = ChannelIds.Msteams;
        activity.Conversation = new ConversationAccount("conv-1", isGroup: conversationType != "personal") { ConversationType = conversationType };
        return activity;
    }

    private static JsonObject Card(Attachment attachment)
    {
        Assert.Equal(AttachmentContentTypes.AdaptiveCard, attachment.ContentType);
        return JsonSerializer.SerializeToNode(attachment.Content, ActivitySerializer.Options)!.AsObject();
    }

    private static List<JsonNode> Actions(JsonObject card) =>
        [.. card["body"]!.AsArray().Where(e => (string?)e!["type"] == "ActionSet").SelectMany(set => set!["actions"]!.AsArray()).Select(a => a!)];
}

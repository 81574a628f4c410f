using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Slack;
using Helpdesk.Bot.Channels.Slack.Wire;
using Helpdesk.Bot.Core.Schema;
using Helpdesk.Bot.Core.Turns;

namespace Helpdesk.Bot.Tests.Channels.Slack;

public sealed class SlackMessageRendererTests
{
    [Fact]
    public void Render_TextWithSuggestedActions_SectionAndImBackButtons()
    {
        var message = SlackMessageRenderer.Render(MessageFactory.SuggestedActions(["VPN", "Printer"], "What kind of **problem** is it?"))!;

        Assert.Equal("What kind of *problem* is it?", message.Text);
        Assert.Equal("section", (string?)message.Blocks[0]!["type"]);
        Assert.Equal("mrkdwn", (string?)message.Blocks[0]!["text"]!["type"]);
        var buttons = message.Blocks[1]!["elements"]!.AsArray();
        Assert.Equal(["VPN", "Printer"], buttons.Select(b => (string?)b!["text"]!["text"]));
        Assert.Equal(["imBack:1", "imBack:2"], buttons.Select(b => (string?)b!["action_id"]));
        Assert.Equal("Printer", (string?)buttons[1]!["value"]);
    }

    [Fact]
    public void Render_TypingOrEmpty_Nothing()
    {
        Assert.Null(SlackMessageRenderer.Render(new Activity { Type = ActivityTypes.Typing }));
        Assert.Null(SlackMessageRenderer.Render(MessageFactory.Text(string.Empty)));
    }

    [Fact]
    public void Render_HeroCard_HeaderTextImageAndButtons()
    {
        var hero = new JsonObject
        {
            ["title"] = "Reset your password",
            ["subtitle"] = "Self-service",
            ["text"] = "Use the **portal** to reset it.",
            ["images"] = new JsonArray(new JsonObject { ["url"] = "https://contoso.example/reset.png", ["alt"] = "Reset page" }),
            ["buttons"] = new JsonArray(
                new JsonObject { ["type"] = "openUrl", ["title"] = "Open the portal", ["value"] = "https://passwordreset.contoso.example" },
                new JsonObject { ["type"] = "imBack", ["title"] = "It worked", ["value"] = "It worked" }),
        };

        var blocks = SlackMessageRenderer.Render(MessageFactory.Attachment(new Attachment { ContentType = AttachmentContentTypes.HeroCard, Content = hero }))!.Blocks;

        Assert.Equal(["header", "context", "section", "image", "actions"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("Reset your password", (string?)blocks[0]!["text"]!["text"]);
        Assert.Equal("Use the *portal* to reset it.", (string?)blocks[2]!["text"]!["text"]);
        var buttons = blocks[4]!["elements"]!.AsArray();
        Assert.Equal("https://passwordreset.contoso.example", (string?)buttons[0]!["url"]);
        Assert.StartsWith("openUrl:", (string?)buttons[0]!["action_id"], StringComparison.Ordinal);
        Assert.StartsWith("imBack:", (string?)buttons[1]!["action_id"], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AdaptiveKbAnswerCard_HeaderFactsSubtleTextAndActions()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"TextBlock","text":"Fix VPN disconnects","size":"Large","weight":"Bolder","wrap":true},
              {"type":"TextBlock","text":"Restart the client, then sign in again.","wrap":true},
              {"type":"FactSet","facts":[{"title":"Article","value":"KB-0042"},{"title":"Updated","value":"2026-02-01"}]},
              {"type":"TextBlock","text":"From the IT knowledge base","isSubtle":true},
              {"type":"ColumnSet","columns":[{"type":"Column","items":[{"type":"Image","url":"https://contoso.example/vpn.png","altText":"VPN client"}]}]},
              {"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"Read the article","url":"https://kb.contoso.example/42"}]}],
             "actions":[{"type":"Action.Submit","title":"Yes, that helped","data":{"kbFeedback":"yes","article":"KB-0042"},"style":"positive"},
                        {"type":"Action.Submit","title":"No","data":"No"},
                        {"type":"Action.ToggleVisibility","title":"Details","targetElements":["x"]}]}
            """);

        var blocks = SlackMessageRenderer.Render(MessageFactory.Attachment(new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = card }))!.Blocks;

        Assert.Equal(["header", "section", "section", "context", "image", "actions", "actions"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("*Article*\nKB-0042", (string?)blocks[2]!["fields"]![0]!["text"]);
        var feedback = blocks[6]!["elements"]!.AsArray();
        Assert.Equal(2, feedback.Count); // ToggleVisibility has no Slack form
        Assert.StartsWith("submit:", (string?)feedback[0]!["action_id"], StringComparison.Ordinal);
        Assert.Equal("primary", (string?)feedback[0]!["style"]);
        Assert.Equal("yes", (string?)JsonNode.Parse((string)feedback[0]!["value"]!)!["kbFeedback"]);
        Assert.StartsWith("imBack:", (string?)feedback[1]!["action_id"], StringComparison.Ordinal); // string data is the answer itself
    }

    [Fact]
    public void Render_AdaptiveForm_InputBlocksWhoseValuesComeBackOnSubmit()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5","body":[
              {"type":"Input.Text","id":"description","label":"What happened?","isMultiline":true,"isRequired":true},
              {"type":"Input.ChoiceSet","id":"impact","label":"Who is affected?","choices":[{"title":"Just me","value":"single"},{"title":"My team","value":"team"}]},
              {"type":"Input.Toggle","id":"urgent","title":"It's urgent"},
              {"type":"Input.Date","id":"since","label":"Since when?"}],
             "actions":[{"type":"Action.Submit","title":"Create ticket","data":{"action":"createTicket"}}]}
            """);

        var blocks = SlackMessageRenderer.Render(MessageFactory.Attachment(new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = card }))!.Blocks;

        Assert.Equal(["input", "input", "input", "input", "actions"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("plain_text_input", (string?)blocks[0]!["element"]!["type"]);
        Assert.True((bool)blocks[0]!["element"]!["multiline"]!);
        Assert.False((bool)blocks[0]!["optional"]!);
        Assert.Equal("description", (string?)blocks[0]!["element"]!["action_id"]);
        Assert.Equal("static_select", (string?)blocks[1]!["element"]!["type"]);
        Assert.Equal("checkboxes", (string?)blocks[2]!["element"]!["type"]);
        Assert.Equal("datepicker", (string?)blocks[3]!["element"]!["type"]);
    }

    [Fact]
    public void Render_ShowCard_InlinedUnderItsTitle()
    {
        var card = JsonNode.Parse("""
            {"type":"AdaptiveCard","actions":[{"type":"Action.ShowCard","title":"More options","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Call the desk"}]}}]}
            """);

        var blocks = SlackMessageRenderer.Render(MessageFactory.Attachment(new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = card }))!.Blocks;

        Assert.Equal(["context", "section"], blocks.Select(b => (string?)b!["type"]));
        Assert.Equal("Call the desk", (string?)blocks[1]!["text"]!["text"]);
    }

    [Fact]
    public void Render_OverLimits_TruncatedAndCapped()
    {
        var longLabel = new string('x', 120);
        var many = Enumerable.Range(0, 60).Select(i => $"Step {i}");
        var activity = MessageFactory.Text(string.Join("\n\n", Enumerable.Range(0, 60).Select(i => new string('a', 2999))));
        activity.SuggestedActions = new SuggestedActions([CardAction.ImBack(longLabel), CardAction.ImBack("ok", new string('v', 2001)), .. many.Select(m => CardAction.ImBack(m))]);

        var message = SlackMessageRenderer.Render(activity)!;

        Assert.Equal(50, message.Blocks.Count);
        Assert.Equal("context", (string?)message.Blocks[^1]!["type"]);
        Assert.All(message.Blocks.Where(b => (string?)b!["type"] == "section"), b => Assert.True(((string)b!["text"]!["text"]!).Length <= 3000));
        Assert.True(message.Text.Length <= 40000);
    }

    [Fact]
    public void Render_ButtonLabelsAndValues_WithinSlackLimits()
    {
        var activity = MessageFactory.SuggestedActions([CardAction.ImBack(new string('x', 120)), CardAction.ImBack("ok", new string('v', 2001)), CardAction.ImBack("fine")], "Pick");

        var buttons = SlackMessageRenderer.Render(activity)!.Blocks[1]!["elements"]!.AsArray();

        Assert.Equal(2, buttons.Count); // the oversized value is left out, not sent to be refused
        Assert.Equal(75, ((string)buttons[0]!["text"]!["text"]!).Length);
    }

    [Theory]
    [InlineData(ActionTypes.ImBack, "Printer", "Printer")]
    [InlineData(ActionTypes.PostBack, "hidden-choice", "hidden-choice")]
    public void RenderThenClick_Button_MapsBackToTheSameAnswer(string type, string value, string expectedText)
    {
        var activity = MessageFactory.SuggestedActions([new CardAction(type, "Label", value)], "Pick");
        var button = SlackMessageRenderer.Render(activity)!.Blocks[1]!["elements"]![0]!;

        var click = SlackActivityMapperTests.Interaction((string)button["action_id"]!, (string?)button["value"]);
        var answer = SlackActivityMapper.FromInteraction(click.Deserialize<SlackInteraction>(SlackJson.Options)!, "UBOT", "https://slack.com/api/");

        Assert.Equal(expectedText, answer!.Text);
    }
}

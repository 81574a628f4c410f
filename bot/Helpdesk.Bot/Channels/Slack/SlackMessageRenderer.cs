using System.Text.Json;
using System.Text.Json.Nodes;
using Helpdesk.Bot.Channels.Cards;
using Helpdesk.Bot.Core.Schema;

namespace Helpdesk.Bot.Channels.Slack;

/// <summary>
/// Activity → Slack message, without HTTP: the text as mrkdwn sections, suggested actions as buttons, hero and
/// thumbnail cards and Adaptive Cards (TextBlock, RichTextBlock, FactSet, Image(Set), Container/ColumnSet/Table,
/// ActionSet and card actions, Action.ShowCard inlined, inputs as input blocks) as Block Kit. Each button's
/// <c>action_id</c> says what it stands for (<see cref="SlackButtonKinds"/>) so <see cref="SlackActivityMapper"/>
/// turns a click back into the activity other channels produce. Block Kit's limits are kept (50 blocks, 3000
/// characters per section, 75 per button label, 2000 per button value).
/// </summary>
internal sealed class SlackMessageRenderer
{
    private const string DefaultFallbackText = "A message from the IT help assistant.";

    private readonly JsonArray _blocks = [];
    private readonly List<string> _plain = [];
    private int _actions;

    private SlackMessageRenderer()
    {
    }

    /// <summary>The Slack message for <paramref name="activity"/>, or null when there is nothing to show (not a message, or empty).</summary>
    public static SlackMessage? Render(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Message))
        {
            return null;
        }

        var renderer = new SlackMessageRenderer();
        renderer.AddText(activity.Text);
        foreach (var attachment in activity.Attachments ?? [])
        {
            renderer.AddAttachment(attachment);
        }

        if (activity.SuggestedActions?.Actions is { Count: > 0 } suggested)
        {
            renderer.AddButtons(suggested.Select(renderer.Button));
        }

        if (renderer._blocks.Count == 0)
        {
            return null;
        }

        var text = !string.IsNullOrWhiteSpace(activity.Text) ? SlackMrkdwn.FromMarkdown(activity.Text) : renderer._plain.FirstOrDefault() ?? DefaultFallbackText;
        return new SlackMessage(Truncate(text, SlackProtocol.MaxMessageText), renderer.Limited());
    }

    private JsonArray Limited()
    {
        if (_blocks.Count <= SlackProtocol.MaxBlocks)
        {
            return _blocks;
        }

        var kept = new JsonArray([.. _blocks.Take(SlackProtocol.MaxBlocks - 1).Select(b => b!.DeepClone())]);
        kept.Add(Context("_(Shortened for Slack — the full answer is in the web chat.)_"));
        return kept;
    }

    private void AddText(string? markdown, bool subtle = false)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return;
        }

        var mrkdwn = SlackMrkdwn.FromMarkdown(markdown);
        _plain.Add(mrkdwn);
        foreach (var chunk in Chunks(mrkdwn, subtle ? SlackProtocol.MaxFieldText : SlackProtocol.MaxSectionText))
        {
            _blocks.Add(subtle ? Context(chunk) : Section(chunk));
        }
    }

    private void AddHeading(string text)
    {
        _plain.Add(SlackMrkdwn.Escape(text));
        if (text.Length <= SlackProtocol.MaxHeaderText && !text.Contains('\n', StringComparison.Ordinal))
        {
            _blocks.Add(new JsonObject { ["type"] = "header", ["text"] = PlainText(text) });
        }
        else
        {
            _blocks.Add(Section($"*{SlackMrkdwn.Escape(text)}*"));
        }
    }

    private void AddButtons(IEnumerable<JsonObject?> buttons)
    {
        var list = buttons.OfType<JsonObject>().ToList();
        foreach (var chunk in list.Chunk(SlackProtocol.MaxActionsPerBlock))
        {
            _blocks.Add(new JsonObject { ["type"] = "actions", ["elements"] = new JsonArray([.. chunk]) });
        }
    }

    private void AddAttachment(Attachment attachment)
    {
        var content = ToNode(attachment.Content) as JsonObject;
        switch (attachment.ContentType)
        {
            case AttachmentContentTypes.AdaptiveCard when content is not null:
                AddAdaptiveElements(content["body"] as JsonArray);
                AddAdaptiveActions(content["actions"] as JsonArray);
                break;
            case AttachmentContentTypes.HeroCard or AttachmentContentTypes.ThumbnailCard when content is not null:
                AddHeroCard(content, thumbnail: attachment.ContentType == AttachmentContentTypes.ThumbnailCard);
                break;
            default:
                if (!string.IsNullOrWhiteSpace(attachment.ContentUrl) && IsWebUrl(attachment.ContentUrl))
                {
                    var name = SlackMrkdwn.Escape(attachment.Name ?? "Attachment");
                    _blocks.Add(Section($"<{attachment.ContentUrl}|{name}>"));
                }

                break;
        }
    }

    private void AddHeroCard(JsonObject card, bool thumbnail)
    {
        if (Text(card, "title") is { } title)
        {
            AddHeading(title);
        }

        AddText(Text(card, "subtitle"), subtle: true);
        var image = (card["images"] as JsonArray)?.OfType<JsonObject>().Select(i => (Url: Text(i, "url"), Alt: Text(i, "alt"))).FirstOrDefault(i => IsWebUrl(i.Url));
        var text = Text(card, "text");
        if (thumbnail && image is { Url: not null } thumb && text is not null)
        {
            var section = Section(SlackMrkdwn.FromMarkdown(text));
            section["accessory"] = new JsonObject { ["type"] = "image", ["image_url"] = thumb.Url, ["alt_text"] = thumb.Alt ?? "image" };
            _plain.Add(SlackMrkdwn.FromMarkdown(text));
            _blocks.Add(section);
        }
        else
        {
            AddText(text);
            if (image is { Url: not null } picture)
            {
                _blocks.Add(Image(picture.Url, picture.Alt));
            }
        }

        if (card["buttons"] is JsonArray buttons)
        {
            AddButtons(buttons.Select(b => b.Deserialize<CardAction>(ActivitySerializer.Options)).OfType<CardAction>().Select(Button));
        }
    }

    private void AddAdaptiveElements(JsonArray? elements)
    {
        foreach (var element in elements?.OfType<JsonObject>() ?? [])
        {
            AddAdaptiveElement(element);
        }
    }

    private void AddAdaptiveElement(JsonObject element)
    {
        if (element["isVisible"] is JsonValue visible && visible.TryGetValue<bool>(out var shown) && !shown)
        {
            return;
        }

        switch (Text(element, "type"))
        {
            case AdaptiveCards.TextBlock:
                var text = Text(element, "text");
                if (text is null)
                {
                    break;
                }

                var heading = Text(element, "style") == "heading"
                    || (Text(element, "weight") is { } weight && weight.Equals("bolder", StringComparison.OrdinalIgnoreCase)
                        && Text(element, "size") is { } size && (size.Equals("large", StringComparison.OrdinalIgnoreCase) || size.Equals("extraLarge", StringComparison.OrdinalIgnoreCase) || size.Equals("medium", StringComparison.OrdinalIgnoreCase)));
                if (heading && !text.Contains("](", StringComparison.Ordinal) && !text.Contains('*', StringComparison.Ordinal))
                {
                    AddHeading(text);
                }
                else if (element["isSubtle"] is JsonValue subtle && subtle.TryGetValue<bool>(out var isSubtle) && isSubtle)
                {
                    AddText(text, subtle: true);
                }
                else
                {
                    AddText(Text(element, "weight")?.Equals("bolder", StringComparison.OrdinalIgnoreCase) == true ? $"**{text}**" : text);
                }

                break;
            case AdaptiveCards.RichTextBlock:
                AddText(string.Concat((element["inlines"] as JsonArray ?? []).Select(Inline)));
                break;
            case AdaptiveCards.FactSet:
                AddFacts(element["facts"] as JsonArray);
                break;
            case AdaptiveCards.Image:
                if (Text(element, "url") is { } url && IsWebUrl(url))
                {
                    _blocks.Add(Image(url, Text(element, "altText")));
                }

                break;
            case AdaptiveCards.ImageSet:
                AddAdaptiveElements(element["images"] as JsonArray);
                break;
            case AdaptiveCards.Container:
                AddAdaptiveElements(element["items"] as JsonArray);
                break;
            case AdaptiveCards.ColumnSet:
                foreach (var column in (element["columns"] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    AddAdaptiveElements(column["items"] as JsonArray);
                }

                break;
            case "Table":
                AddTable(element);
                break;
            case AdaptiveCards.ActionSet:
                AddAdaptiveActions(element["actions"] as JsonArray);
                break;
            case AdaptiveCards.InputText or AdaptiveCards.InputNumber or AdaptiveCards.InputDate or AdaptiveCards.InputTime
                or AdaptiveCards.InputToggle or AdaptiveCards.InputChoiceSet:
                if (Input(element) is { } input)
                {
                    _blocks.Add(input);
                }

                break;
            default:
                // An element Slack has no form for: its fallback element when the card gives one, else nothing.
                if (element["fallback"] is JsonObject fallback)
                {
                    AddAdaptiveElement(fallback);
                }

                break;
        }
    }

    private void AddFacts(JsonArray? facts)
    {
        var fields = (facts ?? []).OfType<JsonObject>()
            .Select(f => (Title: Text(f, "title") ?? string.Empty, Value: Text(f, "value") ?? string.Empty))
            .Select(f => (JsonNode)new JsonObject
            {
                ["type"] = "mrkdwn",
                ["text"] = Truncate($"*{SlackMrkdwn.Escape(f.Title)}*\n{SlackMrkdwn.FromMarkdown(f.Value)}", SlackProtocol.MaxFieldText),
            })
            .ToList();
        foreach (var chunk in fields.Chunk(SlackProtocol.MaxSectionFields))
        {
            _blocks.Add(new JsonObject { ["type"] = "section", ["fields"] = new JsonArray([.. chunk]) });
        }

        _plain.AddRange(fields.Select(f => (string)f["text"]!));
    }

    private void AddTable(JsonObject table)
    {
        var rows = (table["rows"] as JsonArray)?.OfType<JsonObject>()
            .Select(row => string.Join(" | ", (row["cells"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(cell => string.Join(' ', (cell["items"] as JsonArray ?? []).OfType<JsonObject>().Select(i => Text(i, "text")).OfType<string>()))))
            .ToList() ?? [];
        if (rows.Count > 0)
        {
            AddText(string.Join('\n', rows));
        }
    }

    private void AddAdaptiveActions(JsonArray? actions)
    {
        var buttons = new List<JsonObject?>();
        foreach (var action in actions?.OfType<JsonObject>() ?? [])
        {
            if (Text(action, "type") == AdaptiveCards.ShowCardAction && action["card"] is JsonObject shown)
            {
                // Slack can't reveal a card on click: show it right away under its title.
                AddButtons(buttons);
                buttons.Clear();
                AddText($"**{Text(action, "title") ?? "More"}**", subtle: true);
                AddAdaptiveElements(shown["body"] as JsonArray);
                AddAdaptiveActions(shown["actions"] as JsonArray);
                continue;
            }

            buttons.Add(AdaptiveButton(action));
        }

        AddButtons(buttons);
    }

    private JsonObject? AdaptiveButton(JsonObject action)
    {
        var title = Text(action, "title") ?? "OK";
        switch (Text(action, "type"))
        {
            case AdaptiveCards.OpenUrlAction:
                return UrlButton(title, Text(action, "url"));
            case AdaptiveCards.SubmitAction:
                var data = action["data"];
                return data is JsonValue text && text.TryGetValue<string>(out var answer)
                    ? ValueButton(SlackButtonKinds.ImBack, title, answer, Text(action, "style"))
                    : ValueButton(SlackButtonKinds.Submit, title, (data ?? new JsonObject()).ToJsonString(), Text(action, "style"));
            case AdaptiveCards.ExecuteAction:
                var payload = new JsonObject { ["verb"] = Text(action, "verb"), ["data"] = action["data"]?.DeepClone() ?? new JsonObject() };
                return ValueButton(SlackButtonKinds.Execute, title, payload.ToJsonString(), Text(action, "style"));
            default:
                return null; // ToggleVisibility and friends: nothing to do in Slack
        }
    }

    private JsonObject? Button(CardAction action)
    {
        var title = action.Title ?? action.Text ?? ValueText(action.Value) ?? "OK";
        switch (action.Type ?? ActionTypes.ImBack)
        {
            case ActionTypes.ImBack:
                return ValueButton(SlackButtonKinds.ImBack, title, ValueText(action.Value) ?? title, null);
            case ActionTypes.PostBack:
                return ValueButton(SlackButtonKinds.PostBack, title, ValueText(action.Value) ?? ToNode(action.Value)?.ToJsonString() ?? title, null);
            case ActionTypes.MessageBack:
                var messageBack = new JsonObject { ["text"] = action.Text, ["displayText"] = action.DisplayText, ["value"] = ToNode(action.Value) };
                return ValueButton(SlackButtonKinds.MessageBack, title, messageBack.ToJsonString(), null);
            case ActionTypes.OpenUrl or ActionTypes.Signin or ActionTypes.DownloadFile or ActionTypes.ShowImage:
                return UrlButton(title, ValueText(action.Value));
            case ActionTypes.Call when ValueText(action.Value) is { } number:
                AddText($"{title}: {number.Replace("tel:", string.Empty, StringComparison.OrdinalIgnoreCase)}", subtle: true);
                return null;
            default:
                return null;
        }
    }

    private JsonObject? ValueButton(string kind, string title, string value, string? style)
    {
        if (value.Length > SlackProtocol.MaxButtonValue)
        {
            return null; // Slack refuses the whole message for one oversized value; the button is left out instead.
        }

        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(Truncate(title, SlackProtocol.MaxButtonText)),
            ["action_id"] = SlackButtonKinds.ActionId(kind, ++_actions),
            ["value"] = value,
        };
        if (style is "positive")
        {
            button["style"] = "primary";
        }
        else if (style is "destructive")
        {
            button["style"] = "danger";
        }

        return button;
    }

    private JsonObject? UrlButton(string title, string? url) => IsWebUrl(url)
        ? new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(Truncate(title, SlackProtocol.MaxButtonText)),
            ["action_id"] = SlackButtonKinds.ActionId(SlackButtonKinds.OpenUrl, ++_actions),
            ["url"] = url,
        }
        : null;

    private static JsonObject? Input(JsonObject element)
    {
        var id = Text(element, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return null; // an input without an id can't be read back
        }

        var placeholder = Text(element, "placeholder");
        var label = Text(element, "label") ?? Text(element, "title") ?? placeholder ?? id;
        JsonObject control;
        switch (Text(element, "type"))
        {
            case AdaptiveCards.InputText:
                control = new JsonObject { ["type"] = "plain_text_input", ["multiline"] = element["isMultiline"]?.GetValue<bool>() == true };
                if (Text(element, "value") is { } initial)
                {
                    control["initial_value"] = initial;
                }

                break;
            case AdaptiveCards.InputNumber:
                control = new JsonObject { ["type"] = "number_input", ["is_decimal_allowed"] = true };
                break;
            case AdaptiveCards.InputDate:
                control = new JsonObject { ["type"] = "datepicker" };
                break;
            case AdaptiveCards.InputTime:
                control = new JsonObject { ["type"] = "timepicker" };
                break;
            case AdaptiveCards.InputToggle:
                control = new JsonObject
                {
                    ["type"] = "checkboxes",
                    ["options"] = new JsonArray(Option(Text(element, "title") ?? label, Text(element, "valueOn") ?? "true")),
                };
                break;
            default:
                var choices = (element["choices"] as JsonArray)?.OfType<JsonObject>()
                    .Select(c => Option(Text(c, "title") ?? Text(c, "value") ?? "?", Text(c, "value") ?? Text(c, "title") ?? "?"))
                    .Take(100).ToList() ?? [];
                if (choices.Count == 0)
                {
                    return null;
                }

                var multi = element["isMultiSelect"] is JsonValue m && m.TryGetValue<bool>(out var isMulti) && isMulti;
                var expanded = Text(element, "style") == "expanded";
                control = new JsonObject
                {
                    ["type"] = multi ? (expanded ? "checkboxes" : "multi_static_select") : expanded ? "radio_buttons" : "static_select",
                    ["options"] = new JsonArray([.. choices]),
                };
                break;
        }

        control["action_id"] = id;
        if (placeholder is not null && control["type"]!.GetValue<string>() is "plain_text_input" or "static_select" or "multi_static_select" or "number_input" or "datepicker")
        {
            control["placeholder"] = PlainText(Truncate(placeholder, 150));
        }

        return new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = "input:" + id,
            ["label"] = PlainText(Truncate(label, 2000)),
            ["optional"] = !(element["isRequired"] is JsonValue r && r.TryGetValue<bool>(out var required) && required),
            ["element"] = control,
        };
    }

    private static JsonObject Option(string text, string value) => new() { ["text"] = PlainText(Truncate(text, 75)), ["value"] = Truncate(value, 150) };

    private static string Inline(JsonNode? inline)
    {
        if (inline is JsonValue plain && plain.TryGetValue<string>(out var s))
        {
            return s;
        }

        if (inline is not JsonObject run || Text(run, "text") is not { } text)
        {
            return string.Empty;
        }

        if (Text(run, "weight")?.Equals("bolder", StringComparison.OrdinalIgnoreCase) == true)
        {
            text = $"**{text}**";
        }

        if (run["italic"] is JsonValue italic && italic.TryGetValue<bool>(out var i) && i)
        {
            text = $"_{text}_";
        }

        if (run["strikethrough"] is JsonValue strike && strike.TryGetValue<bool>(out var st) && st)
        {
            text = $"~~{text}~~";
        }

        return text;
    }

    private static JsonObject Section(string mrkdwn) => new() { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn } };

    private static JsonObject Context(string mrkdwn) => new() { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = mrkdwn }) };

    private static JsonObject Image(string url, string? alt) => new() { ["type"] = "image", ["image_url"] = url, ["alt_text"] = string.IsNullOrWhiteSpace(alt) ? "image" : Truncate(alt, 2000) };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrEmpty(text) ? text : null;

    private static string? ValueText(object? value) => value switch
    {
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        JsonValue node when node.TryGetValue<string>(out var text) => text,
        _ => null,
    };

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        JsonElement { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => null,
        JsonElement element => JsonNode.Parse(element.GetRawText()),
        _ => JsonSerializer.SerializeToNode(value, ActivitySerializer.Options),
    };

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Splits at line breaks where possible so no chunk exceeds <paramref name="max"/>.</summary>
    private static IEnumerable<string> Chunks(string text, int max)
    {
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut <= max / 2)
            {
                cut = max;
            }

            yield return rest[..cut];
            rest = rest[cut..].TrimStart('\n');
        }

        if (rest.Length > 0)
        {
            yield return rest;
        }
    }
}

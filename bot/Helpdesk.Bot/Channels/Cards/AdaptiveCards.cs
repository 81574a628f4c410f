namespace Helpdesk.Bot.Channels.Cards;

/// <summary>Names fixed by the Adaptive Cards schema (https://adaptivecards.io/explorer/) that the channel mappers read and write.</summary>
internal static class AdaptiveCards
{
    /// <summary>The schema version the bot's own cards use: the newest Teams renders (Web Chat 4.18 renders it too).</summary>
    public const string Version = "1.5";

    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    public const string CardType = "AdaptiveCard";
    public const string TextBlock = "TextBlock";
    public const string RichTextBlock = "RichTextBlock";
    public const string TextRun = "TextRun";
    public const string FactSet = "FactSet";
    public const string Image = "Image";
    public const string ImageSet = "ImageSet";
    public const string Container = "Container";
    public const string ColumnSet = "ColumnSet";
    public const string Column = "Column";
    public const string ActionSet = "ActionSet";
    public const string InputText = "Input.Text";
    public const string InputNumber = "Input.Number";
    public const string InputDate = "Input.Date";
    public const string InputTime = "Input.Time";
    public const string InputToggle = "Input.Toggle";
    public const string InputChoiceSet = "Input.ChoiceSet";

    public const string SubmitAction = "Action.Submit";
    public const string ExecuteAction = "Action.Execute";
    public const string OpenUrlAction = "Action.OpenUrl";
    public const string ShowCardAction = "Action.ShowCard";

    /// <summary>The Teams extension inside <c>Action.Submit</c> data that makes a button behave as imBack or messageBack.</summary>
    public const string TeamsDataKey = "msteams";
}

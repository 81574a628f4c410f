using Helpdesk.Skills.PasswordReset.Directory;

namespace Helpdesk.Skills.PasswordReset.Embedded;

/// <summary>
/// The demo users seeded into an empty embedded directory, so a new user can try the whole flow locally. Their
/// authenticator secrets are public (README): this directory is for trying the bot, never for real accounts.
/// </summary>
public static class EmbeddedDemoUsers
{
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new(
            new DirectoryAccount("emb-ada", "ada", "ada@contoso.example", "Ada Lovelace", "ada@contoso.example", "ada.lovelace@home.example", "+15550100001", IsLocked: false, Department: "Research", Office: "London"),
            "Y6B37OMXSS2T5G4EYQYE6FVTS7KAA5RG",
            "621d7936-3ce3-4f5d-8814-3a25ac111f64"),
        new(
            new DirectoryAccount("emb-sam", "sam", "sam@contoso.example", "Sam Rivera", "sam@contoso.example", "sam.rivera@home.example", "+15550100002", IsLocked: true, Department: "Finance", Office: "New York"),
            "2AQYV2CDMGIYFGWXYY2TL3SFKME7CNGU",
            "d8633e6c-c2c9-423c-a8a2-7f39b60ae6b6"),
        new(
            new DirectoryAccount("emb-lee", "lee", "lee@contoso.example", "Lee Chen", "lee@contoso.example", AlternateEmail: null, MobilePhone: null, IsLocked: false, Department: "Engineering", Office: "Singapore"),
            null,
            "292b4f0a-2195-4749-94cc-14308c34cdec"),
    ];
}

using Helpdesk.Skills.PasswordReset;
using Helpdesk.Skills.PasswordReset.Policy;

namespace Helpdesk.Skills.Tests.PasswordReset;

public sealed class PasswordPolicyTests
{
    private static readonly string[] Context = ["ada", "Ada", "Lovelace", "Contoso"];
    private readonly PasswordPolicy _policy = new(new PasswordResetOptions(), PasswordBlocklist.Default);

    [Theory]
    [InlineData("Copper kettle drifts over nine quiet dunes")]
    [InlineData("ohne Großbuchstaben geht es auch prima")]
    [InlineData("ünïcödé pässwörds äre fïne tóó")]
    public void Check_LongUnrelatedWords_AcceptedWithoutCompositionRules(string password)
    {
        var check = _policy.Check(password, Context);
        Assert.True(check.Accepted, string.Join(" ", check.Messages));
    }

    [Fact]
    public void Check_Fourteen_TooShort()
    {
        var check = _policy.Check("Xq7!mK2#pL9$wZ", Context);
        Assert.Equal([PasswordProblem.TooShort], check.Problems);
    }

    [Fact]
    public void Check_LengthCountsCharactersNotBytes()
    {
        Assert.DoesNotContain(PasswordProblem.TooShort, _policy.Check("ééééééééééééééé", Context).Problems); // 15 characters, 30 bytes
    }

    [Theory]
    [InlineData("passwordpassword")]
    [InlineData("QWERTYUIOPASDFGH")]
    [InlineData("iloveyouforever")]
    public void Check_OnTheBlocklist_RefusedCaseInsensitively(string password)
    {
        Assert.Contains(PasswordProblem.Blocklisted, _policy.Check(password, Context).Problems);
    }

    [Theory]
    [InlineData("lovelace quiet harbor drifting")]
    [InlineData("my contoso laptop is really great")]
    public void Check_ContainsTheUsersWordsOrCompany_Refused(string password)
    {
        Assert.Contains(PasswordProblem.ContainsContextWord, _policy.Check(password, Context).Problems);
    }

    [Fact]
    public void Check_RepetitivePattern_TooGuessable()
    {
        Assert.Contains(PasswordProblem.TooGuessable, _policy.Check("abcabcabcabcabcabc", Context).Problems);
    }

    [Fact]
    public void Check_OverMaximum_TooLongAndNotScored()
    {
        var check = _policy.Check(new string('x', 129), Context);
        Assert.Contains(PasswordProblem.TooLong, check.Problems);
        Assert.Equal(128, _policy.MaxLength);
        Assert.True(_policy.MaxLength >= 64);
    }

    [Fact]
    public void Check_ConfirmationDiffers_Mismatch()
    {
        Assert.Contains(PasswordProblem.Mismatch, _policy.Check("Copper kettle drifts over nine quiet dunes", Context, "copper").Problems);
    }

    [Fact]
    public void Blocklist_ShippedList_HasTheSecListsEntries()
    {
        Assert.True(PasswordBlocklist.Default.Count > 200_000, PasswordBlocklist.Default.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(PasswordBlocklist.Default.Contains("password1"));
        Assert.False(PasswordBlocklist.Default.Contains("Copper kettle drifts over nine quiet dunes"));
    }

    [Fact]
    public void TemporaryPassword_Generated_PassesThePolicyAndDiffers()
    {
        var first = TemporaryPasswordGenerator.Generate();
        Assert.True(_policy.Check(first, Context).Accepted, first);
        Assert.NotEqual(first, TemporaryPasswordGenerator.Generate());
        Assert.Equal(29, first.Length);
    }
}

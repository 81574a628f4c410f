using Helpdesk.Skills.PasswordReset.Links;

namespace Helpdesk.Skills.Tests.PasswordReset;

internal sealed class TestResetPageAddress : IResetPageAddress
{
    public const string Base = "https://help.test/reset#";

    public string UrlFor(string token) => Base + token;
}

namespace Helpdesk.Bot.Channels.DirectLine.Auth;

/// <summary>Result of <see cref="DirectLineTokenService.Validate"/>; <see cref="Claims"/> is set unless invalid.</summary>
internal sealed record DirectLineTokenValidation(DirectLineTokenStatus Status, DirectLineTokenClaims? Claims)
{
    public static DirectLineTokenValidation Invalid { get; } = new(DirectLineTokenStatus.Invalid, null);
}

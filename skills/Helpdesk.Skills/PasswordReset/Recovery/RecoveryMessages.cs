using System.Globalization;
using Helpdesk.Skills.PasswordReset.Delivery;

namespace Helpdesk.Skills.PasswordReset.Recovery;

/// <summary>The messages sent outside the chat.</summary>
public sealed class RecoveryMessages(PasswordResetOptions options)
{
    public OutOfBandMessage Code(DeliveryChannel channel, string to, string code, TimeSpan lifetime) => channel == DeliveryChannel.Sms
        ? new(channel, to, string.Empty, $"{options.OrganizationName} IT help: your verification code is {code} (valid {Minutes(lifetime)} min). Never share it with anyone.", "code")
        : new(
            channel,
            to,
            $"Your {options.OrganizationName} verification code",
            $"Your verification code is {code}\n\n" +
            $"It is valid for {Minutes(lifetime)} minutes and works once. Type it only into the {options.OrganizationName} IT help chat; nobody from IT will ever ask you for it.\n\n" +
            $"If you did not ask for a code, someone may be trying to reset your password: contact {options.ServiceDeskContact}.",
            "code");

    public OutOfBandMessage TemporaryPassword(DeliveryChannel channel, string to, string password) => channel == DeliveryChannel.Sms
        ? new(channel, to, string.Empty, $"{options.OrganizationName} IT help: your temporary password is {password} — you must change it when you sign in.", "temporary-password")
        : new(
            channel,
            to,
            $"Your {options.OrganizationName} temporary password",
            $"Your temporary password is: {password}\n\nSign in with it now; you will be asked to choose a new password straight away.\n\n" +
            $"If you did not ask for this, contact {options.ServiceDeskContact} immediately.",
            "temporary-password");

    public OutOfBandMessage PasswordChanged(string to, string signInName, DateTimeOffset at) => new(
        DeliveryChannel.Email,
        to,
        $"Your {options.OrganizationName} password was changed",
        $"The password of {signInName} was changed on {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC through the {options.OrganizationName} IT help assistant.\n\n" +
        $"If this was you, there is nothing to do. If it was not, contact {options.ServiceDeskContact} immediately.",
        "notification");

    public OutOfBandMessage AccountUnlocked(string to, string signInName, DateTimeOffset at) => new(
        DeliveryChannel.Email,
        to,
        $"Your {options.OrganizationName} account was unlocked",
        $"The account {signInName} was unlocked on {at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC through the {options.OrganizationName} IT help assistant.\n\n" +
        $"If this was not you, contact {options.ServiceDeskContact} immediately.",
        "notification");

    private static string Minutes(TimeSpan lifetime) => ((int)Math.Round(lifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
}

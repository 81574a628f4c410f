using System.Security.Cryptography;

namespace Helpdesk.Skills.PasswordReset.Policy;

/// <summary>
/// Strong temporary passwords for the out-of-band mode: 5 groups of 5 characters from an alphabet without
/// look-alikes (about 128 bits), e.g. <c>h7kqm-4xw2p-…</c>; the user must change it at the next sign-in.
/// </summary>
public static class TemporaryPasswordGenerator
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate()
    {
        var groups = new string[5];
        for (var g = 0; g < groups.Length; g++)
        {
            groups[g] = RandomNumberGenerator.GetString(Alphabet, 5);
        }

        return string.Join('-', groups);
    }
}

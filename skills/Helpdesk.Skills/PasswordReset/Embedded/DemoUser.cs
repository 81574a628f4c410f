namespace Helpdesk.Skills.PasswordReset.Embedded;

/// <summary>A seeded demo account of the embedded directory (documented in the README).</summary>
/// <param name="Account">The account.</param>
/// <param name="TotpSecret">Its authenticator secret (base32), or null when it has none.</param>
/// <param name="ObjectId">Its Entra-style object id (what Teams sends as aadObjectId).</param>
public sealed record DemoUser(Directory.DirectoryAccount Account, string? TotpSecret, string ObjectId);

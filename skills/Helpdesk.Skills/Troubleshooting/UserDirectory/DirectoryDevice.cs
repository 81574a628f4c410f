namespace Helpdesk.Skills.Troubleshooting.UserDirectory;

/// <summary>A device registered to the user (Intune / Entra ID).</summary>
/// <param name="Name">The device name (as on the BitLocker recovery screen and in Company Portal).</param>
/// <param name="OperatingSystem">E.g. "Windows 11 24H2", "macOS 15".</param>
/// <param name="Compliant">Intune compliance, when known.</param>
public sealed record DirectoryDevice(string Name, string? OperatingSystem, bool? Compliant);

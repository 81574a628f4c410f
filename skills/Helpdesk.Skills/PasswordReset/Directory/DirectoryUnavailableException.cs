namespace Helpdesk.Skills.PasswordReset.Directory;

/// <summary>The directory could not be reached or refused the service account: nothing was changed.</summary>
public sealed class DirectoryUnavailableException : Exception
{
    public DirectoryUnavailableException()
        : base("The account directory is unavailable.")
    {
    }

    public DirectoryUnavailableException(string message)
        : base(message)
    {
    }

    public DirectoryUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

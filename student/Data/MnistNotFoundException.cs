namespace Assignment1.Data;

/// <summary>MNIST is not where the loader looked; the message says where it looked and how to fetch it.</summary>
public sealed class MnistNotFoundException(string message) : Exception(message)
{
    /// <summary>The command that installs MNIST, as the README gives it.</summary>
    public const string FetchCommand =
        "bash data/get_data.sh   (Windows: powershell -ExecutionPolicy Bypass -File data\\get_data.ps1)";
}

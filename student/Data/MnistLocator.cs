namespace Assignment1.Data;

/// <summary>
/// Finds the folder that holds MNIST: an explicit path, else the <c>MNIST_DIR</c> environment variable,
/// else <c>data/mnist</c> in the current folder or any folder above it (so tests and the CLI find it
/// from wherever they run), else the same search from the program's own folder.
/// </summary>
public static class MnistLocator
{
    /// <summary>The environment variable that points at a folder holding MNIST.</summary>
    public const string EnvironmentVariable = "MNIST_DIR";

    /// <summary>Where <c>data/get_data.sh</c> installs MNIST, relative to the repository root.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("data", "mnist");

    /// <summary>Returns the folder to load MNIST from.</summary>
    /// <param name="explicitDirectory">A folder given by the caller; wins over everything else.</param>
    /// <exception cref="MnistNotFoundException">No candidate folder exists.</exception>
    public static string Locate(string? explicitDirectory = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitDirectory))
        {
            return Directory.Exists(explicitDirectory)
                ? explicitDirectory
                : throw NotFound($"the folder '{explicitDirectory}' given to the loader does not exist");
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw NotFound($"{EnvironmentVariable} is set to '{fromEnvironment}', which does not exist");
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                string candidate = Path.Combine(folder.FullName, DefaultRelativePath);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw NotFound($"no {DefaultRelativePath} folder was found in '{Directory.GetCurrentDirectory()}' or any folder above it, and {EnvironmentVariable} is not set");
    }

    internal static MnistNotFoundException NotFound(string why) =>
        new($"MNIST not found: {why}. Fetch it from the repository root with: {MnistNotFoundException.FetchCommand}, or set {EnvironmentVariable} to a folder holding the MNIST files.");
}

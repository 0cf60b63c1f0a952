namespace Assignment1.Grader.Tests.Support;

/// <summary>The repository these tests run in.</summary>
public static class Repository
{
    /// <summary>The layout of the repository that holds the test assembly.</summary>
    public static RepositoryLayout Layout { get; } = RepositoryLayout.FindFrom(AppContext.BaseDirectory);

    /// <summary>The repository root.</summary>
    public static string Root => Layout.Root;

    /// <summary>A path under the repository root.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A file copied next to the test assembly (Fixtures/).</summary>
    public static string TestFile(params string[] parts) => Path.Combine([AppContext.BaseDirectory, .. parts]);
}

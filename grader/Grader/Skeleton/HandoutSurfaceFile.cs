using Assignment1.Grader.Build;
using Assignment1.Rules;

namespace Assignment1.Grader.Skeleton;

/// <summary>
/// rules/handout-surface.txt: the public surface of the generated skeleton, which the analyzer in the student's
/// build compares the submitted files against. The grader never reads it (it describes the skeleton it generates
/// itself); <c>generate-skeleton</c> writes it and CI checks that it is current.
/// </summary>
public static class HandoutSurfaceFile
{
    /// <summary>Where the file lives.</summary>
    public static string PathIn(RepositoryLayout layout) => Path.Combine(layout.Root, "rules", "handout-surface.txt");

    /// <summary>The file's text, from the skeleton generated from grader/solution, compiled with the kit's references.</summary>
    /// <param name="layout">The course repository.</param>
    /// <param name="kitDirectory">A built test kit (its student build provides the references and build options).</param>
    public static string Generate(RepositoryLayout layout, string kitDirectory)
    {
        var compiler = new StudentCompiler(layout.StudentDirectory, layout.TodoFiles, kitDirectory);
        var trees = layout.TodoFiles.ToDictionary(f => f,
            f => compiler.Parse(f, SkeletonGenerator.Generate(File.ReadAllText(Path.Combine(layout.SolutionDirectory, f)), f)));
        return HandoutSurface.Describe(compiler.Compile(trees.Values), trees).ToText();
    }

    /// <summary>True when the file on disk is what <see cref="Generate"/> makes.</summary>
    public static bool IsCurrent(RepositoryLayout layout, string kitDirectory) =>
        File.Exists(PathIn(layout)) && File.ReadAllText(PathIn(layout)) == Generate(layout, kitDirectory);
}

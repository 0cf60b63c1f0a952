using Assignment1.Grader.Grading;
using Assignment1.Grader.Packaging;
using Assignment1.Grader.Skeleton;

namespace Assignment1.Grader.Commands;

/// <summary>The grader's small commands: handout, gradescope, generate-skeleton and build. Each returns its exit code.</summary>
public static class StaffCommands
{
    /// <summary><c>handout --out DIR [--kit DIR]</c>: writes what students receive.</summary>
    public static int Handout(RepositoryLayout layout, string output, string? kitDirectory)
    {
        var kit = TestKit.Load(kitDirectory ?? DefaultKit(layout), GradingLimits.Default);
        HandoutBuilder.Write(layout, output, kit.Tests.Where(t => t.FullName.StartsWith("Assignment1.Tests.", StringComparison.Ordinal)).ToList());
        Console.WriteLine($"Handout written to {Path.GetFullPath(output)}");
        return 0;
    }

    /// <summary><c>gradescope --out FILE.zip [--isolation LEVEL]</c>: writes the Gradescope autograder zip.</summary>
    public static int Gradescope(RepositoryLayout layout, string zipPath, string isolation)
    {
        if (!Sandbox.Levels.Contains(isolation))
        {
            Console.Error.WriteLine($"grader: there is no isolation level '{isolation}': use {string.Join(", ", Sandbox.Levels)}.");
            return 2;
        }
        int entries = GradescopePackage.Write(layout, zipPath, isolation);
        Console.WriteLine($"Gradescope autograder written to {Path.GetFullPath(zipPath)} ({entries} files). Upload it as a zip autograder; see the README for the settings.");
        return 0;
    }

    /// <summary><c>generate-skeleton</c>: rewrites student/'s TODO files and rules/handout-surface.txt from grader/solution.</summary>
    public static int WriteSkeleton(RepositoryLayout layout)
    {
        foreach (string path in SkeletonSync.Write(layout))
        {
            Console.WriteLine($"wrote student/{path}");
        }
        string surface = HandoutSurfaceFile.Generate(layout, DefaultKit(layout));
        if (!File.Exists(HandoutSurfaceFile.PathIn(layout)) || File.ReadAllText(HandoutSurfaceFile.PathIn(layout)) != surface)
        {
            File.WriteAllText(HandoutSurfaceFile.PathIn(layout), surface);
            Console.WriteLine("wrote rules/handout-surface.txt");
        }
        return 0;
    }

    /// <summary><c>generate-skeleton --check</c>: 0 when student/ and rules/handout-surface.txt are what grader/solution generates, else 1.</summary>
    public static int CheckSkeleton(RepositoryLayout layout)
    {
        var stale = SkeletonSync.Inspect(layout).Where(s => !s.UpToDate).ToList();
        foreach (var state in stale)
        {
            Console.Error.WriteLine($"student/{state.StudentPath} differs from the skeleton generated from grader/solution/{state.StudentPath}. Run: ./grader/grader generate-skeleton");
        }
        bool surfaceCurrent = HandoutSurfaceFile.IsCurrent(layout, DefaultKit(layout));
        if (!surfaceCurrent)
        {
            Console.Error.WriteLine("rules/handout-surface.txt does not describe the skeleton generated from grader/solution. Run: ./grader/grader generate-skeleton");
        }
        return stale.Count == 0 && surfaceCurrent ? 0 : 1;
    }

    /// <summary>
    /// <c>build</c>: measures the reference's time on every test of the kit, here on the grading machine (Gradescope's setup.sh
    /// runs it), so that the time limits are set before any submission. The bash wrapper has built the grader and the kit.
    /// </summary>
    public static int Build(RepositoryLayout layout)
    {
        try
        {
            TestKit.LoadMeasured(DefaultKit(layout), GradingLimits.Default,
                Environment.GetEnvironmentVariable("MNIST_DIR") ?? Path.Combine(layout.Root, "data", "mnist"), Console.WriteLine);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"grader: {e.Message}");
            return 1;
        }
        Console.WriteLine("The grader and the test kit are built, and the tests' time limits measured.");
        return 0;
    }

    /// <summary>The kit ./grader/grader builds: grader/.kit.</summary>
    public static string DefaultKit(RepositoryLayout layout) => Path.Combine(layout.Root, "grader", ".kit");
}

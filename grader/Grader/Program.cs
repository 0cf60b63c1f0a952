using Assignment1.Grader;
using Assignment1.Grader.Build;
using Assignment1.Grader.Commands;
using Assignment1.Grader.Grading;
using Assignment1.Grader.Packaging;
using Assignment1.Grader.Skeleton;

// Course-staff tooling. Commands:
//   demo [--out DIR] [--isolation LEVEL]                              grade two demo submissions and print the scores
//   grade SUBMISSION --out DIR [--single] [--kit DIR] [--mnist DIR] [--isolation LEVEL] [--jobs N] [--shard i/n]
//                                                                     grade a zip, a folder, or a folder of zips
//   merge --out DIR SHARD_OUT...                                      combine the bulk runs of shards into one gradebook
//   handout --out DIR [--kit DIR]                                     write what students receive
//   gradescope --out FILE.zip [--isolation LEVEL]                     write the Gradescope autograder zip
//   generate-skeleton [--check]                                       rewrite (or check) student/'s TODO files from grader/solution
//   build                                                             nothing: ./grader/grader builds before it runs

const string Usage = """
    Usage:
      grader demo [--out DIR] [--isolation bubblewrap|unshare|rlimits]
      grader grade SUBMISSION --out DIR [--single] [--kit DIR] [--mnist DIR] [--isolation bubblewrap|unshare|rlimits] [--jobs N] [--shard i/n]
      grader merge --out DIR SHARD_OUT [SHARD_OUT ...]
      grader handout --out DIR
      grader gradescope --out autograder.zip [--isolation bubblewrap|unshare|rlimits]
      grader generate-skeleton [--check]
    """;

RepositoryLayout layout;
try
{
    layout = RepositoryLayout.FindFrom(AppContext.BaseDirectory);
}
catch (DirectoryNotFoundException)
{
    layout = RepositoryLayout.FindFrom(Directory.GetCurrentDirectory());
}

switch (args)
{
    case ["grade", .. var rest]:
        return GradeCommand.Run(rest, layout);
    case ["merge", .. var mergeRest]:
        return MergeCommand.Run(mergeRest);
    case ["demo", .. var demoRest]:
        return DemoCommand.Run(demoRest, layout);
    case [CompileTimeGuard.Command]:
        // Internal: the child process in which the grader times the compiler on a submission.
        return CompileTimeGuard.Run();
    case ["build"]:
        Console.WriteLine("The grader and the test kit are built.");
        return 0;
    case ["handout", "--out", var handoutDirectory, .. var handoutRest]:
        var kit = TestKit.Load(handoutRest is ["--kit", var kitDirectory] ? kitDirectory : Path.Combine(layout.Root, "grader", ".kit"), GradingLimits.Default);
        HandoutBuilder.Write(layout, handoutDirectory, kit.Tests.Where(t => t.FullName.StartsWith("Assignment1.Tests.", StringComparison.Ordinal)).ToList());
        Console.WriteLine($"Handout written to {Path.GetFullPath(handoutDirectory)}");
        return 0;
    case ["gradescope", "--out", var zipPath, .. var gradescopeRest] when gradescopeRest is [] or ["--isolation", _]:
        string isolation = gradescopeRest is ["--isolation", var level] ? level : "bubblewrap";
        if (!Sandbox.Levels.Contains(isolation))
        {
            Console.Error.WriteLine($"grader: there is no isolation level '{isolation}': use {string.Join(", ", Sandbox.Levels)}.");
            return 2;
        }
        int entries = GradescopePackage.Write(layout, zipPath, isolation);
        Console.WriteLine($"Gradescope autograder written to {Path.GetFullPath(zipPath)} ({entries} files). Upload it as a zip autograder; see the README for the settings.");
        return 0;
    case ["generate-skeleton"]:
        foreach (string path in SkeletonSync.Write(layout))
        {
            Console.WriteLine($"wrote student/{path}");
        }
        string surface = HandoutSurfaceFile.Generate(layout, Path.Combine(layout.Root, "grader", ".kit"));
        if (!File.Exists(HandoutSurfaceFile.PathIn(layout)) || File.ReadAllText(HandoutSurfaceFile.PathIn(layout)) != surface)
        {
            File.WriteAllText(HandoutSurfaceFile.PathIn(layout), surface);
            Console.WriteLine("wrote rules/handout-surface.txt");
        }
        return 0;
    case ["generate-skeleton", "--check"]:
        var stale = SkeletonSync.Inspect(layout).Where(s => !s.UpToDate).ToList();
        foreach (var state in stale)
        {
            Console.Error.WriteLine($"student/{state.StudentPath} differs from the skeleton generated from grader/solution/{state.StudentPath}. Run: ./grader/grader generate-skeleton");
        }
        bool surfaceCurrent = HandoutSurfaceFile.IsCurrent(layout, Path.Combine(layout.Root, "grader", ".kit"));
        if (!surfaceCurrent)
        {
            Console.Error.WriteLine("rules/handout-surface.txt does not describe the skeleton generated from grader/solution. Run: ./grader/grader generate-skeleton");
        }
        return stale.Count == 0 && surfaceCurrent ? 0 : 1;
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

using Assignment1.Grader;
using Assignment1.Grader.Commands;
using Assignment1.Grader.Skeleton;

// Course-staff tooling. Commands:
//   grade SUBMISSION --out DIR [--kit DIR] [--mnist DIR]   grade a zip, a folder, or a folder of zips
//   generate-skeleton [--check]                           rewrite (or check) student/'s TODO files from grader/solution

const string Usage = """
    Usage:
      grader grade SUBMISSION --out DIR [--kit DIR] [--mnist DIR]
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
    case ["generate-skeleton"]:
        foreach (string path in SkeletonSync.Write(layout))
        {
            Console.WriteLine($"wrote student/{path}");
        }
        return 0;
    case ["generate-skeleton", "--check"]:
        var stale = SkeletonSync.Inspect(layout).Where(s => !s.UpToDate).ToList();
        foreach (var state in stale)
        {
            Console.Error.WriteLine($"student/{state.StudentPath} differs from the skeleton generated from grader/solution/{state.StudentPath}. Run: ./grader/grader generate-skeleton");
        }
        return stale.Count == 0 ? 0 : 1;
    default:
        Console.Error.WriteLine(Usage);
        return 2;
}

using Assignment1.Grader;
using Assignment1.Grader.Skeleton;

// Course-staff tooling. Commands:
//   generate-skeleton          rewrite student/'s TODO files from grader/solution
//   generate-skeleton --check  exit 1 if student/ differs from what the generator makes

const string Usage = "Usage: grader generate-skeleton [--check]";

if (args.Length == 0 || args[0] != "generate-skeleton" || args.Skip(1).Any(a => a != "--check"))
{
    Console.Error.WriteLine(Usage);
    return 2;
}

var layout = RepositoryLayout.FindFrom(Directory.GetCurrentDirectory());
if (args.Contains("--check"))
{
    var stale = SkeletonSync.Inspect(layout).Where(s => !s.UpToDate).ToList();
    foreach (var state in stale)
    {
        Console.Error.WriteLine($"student/{state.StudentPath} differs from the skeleton generated from grader/solution/{state.StudentPath}.");
    }
    if (stale.Count > 0)
    {
        Console.Error.WriteLine("Run: ./grader/grader generate-skeleton");
    }
    return stale.Count == 0 ? 0 : 1;
}

foreach (string path in SkeletonSync.Write(layout))
{
    Console.WriteLine($"wrote student/{path}");
}
return 0;

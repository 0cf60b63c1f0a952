using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Assignment1.Bench;

/// <summary>
/// BenchmarkDotNet's short run, with the project it generates built with <c>-p:Reference=true</c>. The generated
/// project references the student project twice: through the bench project (which asks for the reference
/// solution) and transitively (which does not). Without the property on the whole build, the skeleton build and
/// the reference build write the same output folder, and whichever finishes last is the code that gets measured
/// (or the build fails on a locked file).
/// </summary>
public sealed class ReferenceBuildConfig : ManualConfig
{
    /// <summary>One job: <see cref="Job.ShortRun"/> plus the reference build property.</summary>
    public ReferenceBuildConfig() => AddJob(Job.ShortRun.WithArguments([new MsBuildArgument("/p:Reference=true")]));
}

using System.IO.Compression;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests;

/// <summary>data/get_data.sh, collect_submission.sh without a project to build, and the grader wrapper's build stamp, run for real (see CollectSubmissionTests for the rest).</summary>
[TestFixture]
public class ScriptTests
{
    [Test]
    public void GetData_InstallsVerifiedMnist_IsIdempotent_AndRepairsADamagedFile()
    {
        string target = Path.Combine(Directory.CreateTempSubdirectory("get-data").FullName, "mnist");
        var environment = new Dictionary<string, string?> { ["MNIST_DIR"] = target };
        try
        {
            var first = ExternalProcess.Run("bash", [Repository.PathOf("data", "get_data.sh")], Repository.Root, TimeSpan.FromMinutes(5), environment);
            first.ExitCode.Should().Be(0, first.Output);
            first.StandardOutput.Should().Contain($"MNIST installed in {target}");
            Directory.GetFiles(target).Select(Path.GetFileName).Should().BeEquivalentTo(
                "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

            var second = ExternalProcess.Run("bash", [Repository.PathOf("data", "get_data.sh")], Repository.Root, TimeSpan.FromMinutes(1), environment);
            second.ExitCode.Should().Be(0);
            second.StandardOutput.Should().Contain("already installed and intact");

            File.AppendAllText(Path.Combine(target, "t10k-labels-idx1-ubyte"), "damage");
            var repair = ExternalProcess.Run("bash", [Repository.PathOf("data", "get_data.sh")], Repository.Root, TimeSpan.FromMinutes(5), environment);
            repair.ExitCode.Should().Be(0, repair.Output);
            repair.StandardOutput.Should().Contain("MNIST installed");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(target)!, recursive: true);
        }
    }

    [Test]
    public void CollectSubmission_RefusesWhenAFileIsMissing()
    {
        string copy = Directory.CreateTempSubdirectory("collect-missing").FullName;
        try
        {
            File.Copy(Repository.PathOf("collect_submission.sh"), Path.Combine(copy, "collect_submission.sh"));
            var run = ExternalProcess.Run("bash", ["collect_submission.sh"], copy, TimeSpan.FromMinutes(1));
            run.ExitCode.Should().Be(1);
            run.StandardError.Should().Contain("student/Utils.cs is missing");
            File.Exists(Path.Combine(copy, "assignment_1_submission.zip")).Should().BeFalse();
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
    /// <summary>
    /// ./grader/grader skips its two `dotnet build` runs (5–6 s each even when nothing changed) while its stamp is newer than
    /// every file that goes into a build; an edit anywhere else in the repository, and only there, makes it build again.
    /// </summary>
    [Test]
    public void GraderWrapper_RebuildsOnlyWhenASourceFileIsNewerThanItsLastBuild()
    {
        string root = Directory.CreateTempSubdirectory("build-stamp").FullName;
        try
        {
            string stamp = Path.Combine(root, "grader", ".kit", ".built");
            string[] sources = ["grader/solution/Utils.cs", "student.Tests/NetworkTests.cs", "Directory.Build.props"];
            string[] notInputs = ["student/bin/Release/Assignment1.dll", "student/obj.reference/project.assets.json", "grader/.build/Assignment1.Grader.dll",
                                  "grader/.kit/reference-timings.json", "data/mnist/t10k-labels-idx1-ubyte", "outputs/twolayer/loss.png", ".git/index"];
            var lastBuild = DateTime.Now.AddMinutes(-10);
            foreach (string file in sources.Concat(notInputs))
            {
                string path = Path.Combine(root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "");
                File.SetLastWriteTime(path, lastBuild.AddMinutes(-1));
            }

            string Check() => ExternalProcess.Run("bash", ["-c", ". \"$1\"; newer_than_stamp \"$2\" \"$3\" && build_is_current \"$2\" \"$3\" && echo current || echo stale",
                    "check", Repository.PathOf("grader", "build-stamp.sh"), stamp, root], root, TimeSpan.FromSeconds(30)).StandardOutput.Trim();

            Check().Should().Be("stale", "with no stamp, nothing was built yet");
            File.WriteAllText(stamp, "");
            File.SetLastWriteTime(stamp, lastBuild);
            Check().Should().Be("current");

            foreach (string file in notInputs)
            {
                File.SetLastWriteTime(Path.Combine(root, file), DateTime.Now);
            }
            Check().Should().Be("current", "build outputs, MNIST, training outputs and git's files are no build input");

            foreach (string file in sources)
            {
                File.SetLastWriteTime(Path.Combine(root, file), DateTime.Now);
                Check().Should().StartWith(Path.Combine(root, file)).And.EndWith("stale", $"an edit of {file} needs a build");
                File.SetLastWriteTime(Path.Combine(root, file), lastBuild.AddMinutes(-1));
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// ./grader/grader publishes the grader ReadyToRun; where that cannot work (the precompiler package cannot be restored,
    /// offline), it says so and builds the grader plainly, which grades the same way. Simulated with a dotnet that refuses
    /// to publish, on a copy of the repository's tracked files.
    /// </summary>
    [Test]
    public void GraderWrapper_WhenReadyToRunFails_SaysSo_AndBuildsTheGraderPlainly()
    {
        string root = Directory.CreateTempSubdirectory("wrapper-fallback").FullName;
        try
        {
            string copy = Path.Combine(root, "repo");
            Directory.CreateDirectory(copy);
            var copied = ExternalProcess.Run("bash", ["-c", "git -C \"$1\" ls-files -z | (cd \"$1\" && xargs -0 cp --parents -t \"$2\")", "copy", Repository.Root, copy],
                Repository.Root, TimeSpan.FromMinutes(2));
            copied.ExitCode.Should().Be(0, copied.Output);

            string bin = Path.Combine(root, "bin");
            Directory.CreateDirectory(bin);
            string real = ExternalProcess.Run("bash", ["-c", "command -v dotnet"], root, TimeSpan.FromSeconds(30)).StandardOutput.Trim();
            File.WriteAllText(Path.Combine(bin, "dotnet"),
                $"#!/bin/sh\nif [ \"$1\" = publish ]; then echo 'error NETSDK0000: simulated: the precompiler package cannot be restored'; exit 1; fi\nexec '{real}' \"$@\"\n");
            ExternalProcess.Run("chmod", ["+x", Path.Combine(bin, "dotnet")], root, TimeSpan.FromSeconds(30)).ExitCode.Should().Be(0);

            var run = ExternalProcess.Run("bash", [Path.Combine(copy, "grader", "grader"), "--help"], copy, TimeSpan.FromMinutes(5),
                new Dictionary<string, string?> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") });

            run.ExitCode.Should().Be(0, run.Output);
            run.StandardError.Should().Contain("simulated: the precompiler package cannot be restored").And.Contain("building without it");
            run.StandardOutput.Should().Contain("grade <SUBMISSION>", "the plainly built grader runs");
            File.Exists(Path.Combine(copy, "grader", ".build", ".built")).Should().BeTrue("the plain build is stamped, so the next run skips it");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

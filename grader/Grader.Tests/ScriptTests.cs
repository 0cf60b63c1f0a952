using System.IO.Compression;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests;

/// <summary>data/get_data.sh, and collect_submission.sh without a project to build, run for real (see CollectSubmissionTests for the rest).</summary>
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
}

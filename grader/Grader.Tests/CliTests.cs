using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests;

/// <summary>The training CLI's handling of wrong arguments, configs and missing data: a clear message and exit code 2.</summary>
[TestFixture]
public class CliTests
{
    private static readonly string Cli = Repository.TestFile("Assignment1.dll");

    [Test]
    public void Help_PrintsUsage()
    {
        var run = ExternalProcess.Run("dotnet", [Cli, "--help"], Repository.Root, TimeSpan.FromMinutes(1));
        run.ExitCode.Should().Be(0);
        run.StandardOutput.Should().Contain("--config <FILE>").And.Contain("--metrics-out <FILE>").And.Contain("gradcheck").And.Contain("sweep <FILE>");
    }

    [TestCase(new string[0], "Option '--config' is required.")]
    [TestCase(new[] { "--config" }, "Required argument missing for option: '--config'.")]
    [TestCase(new[] { "--confg", "x.yaml" }, "Unrecognized command or argument '--confg'.")]
    [TestCase(new[] { "gradcheck", "--config", "x.yaml", "--count", "0" }, "--count is '0'; expected a whole number of at least 1.")]
    [TestCase(new[] { "sweep" }, "Required argument 'FILE' missing for command: 'sweep'.")]
    [TestCase(new[] { "sweep", "configs/sweep_lr.yaml", "--jobs", "two" }, "--jobs is 'two'; expected a whole number of at least 1.")]
    public void WrongArguments_ExitWith2AndSayWhy(string[] arguments, string message)
    {
        var run = ExternalProcess.Run("dotnet", [Cli, .. arguments], Repository.Root, TimeSpan.FromMinutes(1));
        run.ExitCode.Should().Be(2);
        run.StandardError.Should().Contain(message).And.Contain("Usage:");
    }

    [Test]
    public void BadConfig_ExitsWith2AndNamesFileAndKey()
    {
        string config = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(config, File.ReadAllText(Repository.PathOf("configs", "config_twolayer.yaml")).Replace("epochs: 10", "epoch: 10"));
        try
        {
            var run = ExternalProcess.Run("dotnet", [Cli, "--config", config], Repository.Root, TimeSpan.FromMinutes(1));
            run.ExitCode.Should().Be(2);
            run.StandardError.Should().Contain($"{config}:5: unknown key 'Train.epoch'");
            run.Output.Should().NotContain("   at ", "a config mistake gets a message, not a stack trace");
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Test]
    public void MissingMnist_ExitsWith2AndGivesTheFetchCommand()
    {
        string empty = Directory.CreateTempSubdirectory("no-mnist").FullName;
        try
        {
            var run = ExternalProcess.Run("dotnet", [Cli, "--config", "configs/config_softmax.yaml", "--data-dir", empty],
                Repository.Root, TimeSpan.FromMinutes(1));
            run.ExitCode.Should().Be(2);
            run.StandardError.Should().Contain("MNIST not found").And.Contain("bash data/get_data.sh");
            run.Output.Should().NotContain("   at ");
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Assignment1.Grader.Grading;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>What a test process can and cannot reach at each isolation level, shown by running shell commands inside it.</summary>
[TestFixture]
[NonParallelizable]
public class SandboxTests
{
    private string _visible = null!;

    [SetUp]
    public void CreateVisibleFolder()
    {
        _visible = Directory.CreateTempSubdirectory("sandbox-visible").FullName;
        File.WriteAllText(Path.Combine(_visible, "kit.txt"), "kit");
    }

    [TearDown]
    public void DeleteVisibleFolder()
    {
        Directory.Delete(_visible, recursive: true);
        Environment.SetEnvironmentVariable("ASSIGNMENT1_SANDBOX", null);
    }

    [Test]
    public void Bubblewrap_HidesTheRepositoryAndOtherFiles_AndShowsTheKitReadOnly()
    {
        var sandbox = Strongest();
        string secret = Path.Combine(Path.GetTempPath(), $"other-student-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "secret");
        try
        {
            Run(sandbox, $"test ! -e '{Repository.PathOf("grader", "solution", "Utils.cs")}'").Should().Be(0, "the reference solution is hidden");
            Run(sandbox, $"test ! -e '{secret}'").Should().Be(0, "other files in /tmp are hidden");
            Run(sandbox, $"test -r '{_visible}/kit.txt'").Should().Be(0, "the kit is visible");
            Run(sandbox, $"touch '{_visible}/written' 2>/dev/null").Should().NotBe(0, "the kit is read-only");
            Run(sandbox, "touch /tmp/scratch").Should().Be(0, "there is a private scratch /tmp");
            File.Exists(Path.Combine(Path.GetTempPath(), "scratch")).Should().BeFalse("the scratch /tmp is not the real one");
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [TestCase("bubblewrap")]
    [TestCase("unshare")]
    public void NetworkIsUnreachable_EvenOnLoopback(string level)
    {
        var sandbox = Forced(level);
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            string connect = $"bash -c 'exec 3<>/dev/tcp/127.0.0.1/{port}' 2>/dev/null";
            Run(Forced("rlimits"), connect).Should().Be(0, "without a sandbox the connection works (the check itself is sound)");
            Run(sandbox, connect).Should().NotBe(0, $"{level} cuts the network");
        }
        finally
        {
            listener.Stop();
        }
    }

    [TestCase("bubblewrap")]
    [TestCase("unshare")]
    [TestCase("rlimits")]
    public void EveryLevel_StartsWithACleanEnvironment_AndNoCoreDumps(string level)
    {
        Environment.SetEnvironmentVariable("GRADER_SECRET_TOKEN", "hunter2");
        try
        {
            var sandbox = Forced(level);
            sandbox.Level.Should().Be(level);
            Run(sandbox, "test -z \"$GRADER_SECRET_TOKEN\"").Should().Be(0);
            Run(sandbox, "test \"$(ulimit -c)\" = 0").Should().Be(0);
        }
        finally
        {
            Environment.SetEnvironmentVariable("GRADER_SECRET_TOKEN", null);
        }
    }

    [Test]
    public void UnknownLevel_IsRefused()
    {
        var detect = () => Sandbox.Detect(Repository.Root, "no-such-level");
        detect.Should().Throw<SandboxUnavailableException>().WithMessage("*no isolation level 'no-such-level'*bubblewrap, unshare, rlimits*");
    }

    [Test]
    public void WithoutBubblewrap_GradingStops_UnlessAWeakerLevelIsAskedForByName()
    {
        Environment.SetEnvironmentVariable("ASSIGNMENT1_BWRAP", "/nonexistent/bwrap");
        try
        {
            var detect = () => Sandbox.Detect(Repository.Root);
            detect.Should().Throw<SandboxUnavailableException>().WithMessage("*bubblewrap cannot run*apt-get install bubblewrap*--isolation unshare*--isolation rlimits*");
            Sandbox.Detect(Repository.Root, "rlimits").Level.Should().Be("rlimits", "a weaker level asked for by name is used");
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASSIGNMENT1_BWRAP", null);
        }
    }

    [TestCase("bubblewrap")]
    [TestCase("unshare")]
    [TestCase("rlimits")]
    public void UnderRoot_TheTestProcessRunsAsNobody(string level)
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Assert.Ignore("the grader does not run as root here, so there is no privilege to drop");
        }
        var sandbox = Forced(level);
        Run(sandbox, $"test \"$(id -u)\" = {Sandbox.Nobody} && test \"$(id -g)\" = {Sandbox.Nobody}").Should().Be(0, $"{level} drops root");
    }

    private Sandbox Strongest()
    {
        try
        {
            return Sandbox.Detect(Repository.Root);
        }
        catch (SandboxUnavailableException e)
        {
            Assert.Ignore($"bubblewrap does not work on this machine; .ci/run installs it. {e.Message}");
            throw;
        }
    }

    private Sandbox Forced(string level)
    {
        try
        {
            return Sandbox.Detect(Repository.Root, level);
        }
        catch (SandboxUnavailableException e)
        {
            Assert.Ignore($"{level} does not work on this machine: {e.Message}");
            throw;
        }
    }

    private int Run(Sandbox sandbox, string command)
    {
        var start = sandbox.Wrap("sh", ["-c", command], _visible, [], new Dictionary<string, string>());
        using var process = Process.Start(start)!;
        process.WaitForExit(30_000).Should().BeTrue();
        return process.ExitCode;
    }
}

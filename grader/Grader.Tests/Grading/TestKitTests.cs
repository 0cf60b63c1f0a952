using Assignment1.Grader.Grading;
using Assignment1.TestRunner;
using FluentAssertions;

namespace Assignment1.Grader.Tests.Grading;

/// <summary>The test kit: its grading metadata is checked, and a submission's copy never holds the test assemblies.</summary>
[TestFixture]
public class TestKitTests
{
    [Test]
    public void KitCopy_HoldsNoTestAssembly_ButEverythingElse()
    {
        string copy = Path.Combine(Path.GetTempPath(), $"kit-copy-{Guid.NewGuid():N}");
        try
        {
            GradingFixture.Kit.CopyWithoutTests(copy);
            File.Exists(Path.Combine(copy, "Assignment1.TestRunner.dll")).Should().BeTrue();
            File.Exists(Path.Combine(copy, "nunit.framework.dll")).Should().BeTrue();
            Directory.EnumerateFiles(copy, "Assignment1.Tests.*").Should().BeEmpty("the suites are handed to the runner as bytes, never as files the tested code could read");
            File.ReadAllText(Path.Combine(copy, "Assignment1.TestRunner.deps.json")).Should().NotContain("Assignment1.Tests.dll");
            string rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
            Directory.EnumerateDirectories(Path.Combine(copy, "runtimes")).Select(Path.GetFileName).Should().NotContain("win-x64", "other platforms' native assets are left out")
                .And.Contain(rid, "this platform's are kept");
        }
        finally
        {
            if (Directory.Exists(copy))
            {
                Directory.Delete(copy, recursive: true);
            }
        }
    }

    [Test]
    public void Suites_HaveMetadataOnEveryTest_AndPointsAddUpTo100_SplitAsTheOriginal()
    {
        var tests = GradingFixture.Kit.Tests;
        tests.Where(t => t.FullName.StartsWith("Assignment1.Tests.")).Should().HaveCount(26).And.OnlyContain(t => t.Visibility == "visible");
        tests.Where(t => t.FullName.StartsWith("Assignment1.Tests.")).Sum(t => t.Points).Should().Be(46, "the public suite's worth, as the README states");
        tests.Where(t => t.FullName.StartsWith("Assignment1.PrivateTests.")).Should().NotBeEmpty().And.OnlyContain(t => t.Visibility == "after_due_date");
        tests.Sum(t => t.Points).Should().Be(100);
        // The original's weights: data loading 10, utilities and models 55, optimizer 20, visualization 15.
        double Part(params string[] sections) => tests.Where(t => sections.Contains(GradingFixture.Section(t))).Sum(t => t.Points);
        Part("3", "7").Should().Be(10);
        Part("1", "2", "4", "8", "9", "12").Should().Be(55);
        Part("5", "6", "10").Should().Be(20);
        Part("11").Should().Be(15);
        GradingFixture.Kit.Tests.Select(t => t.Number).Should().OnlyHaveUniqueItems();
        GradingFixture.Kit.Tests.Select(t => t.DisplayName).Should().OnlyHaveUniqueItems("a student must be able to tell two lost tests apart");
        GradingFixture.Kit.Tests.Should().Contain(t => t.Number == "4.5.2" && t.DisplayName == "Two-layer network: gradient [b1]");
    }

    [Test]
    public void MissingMetadata_OrWrongTotal_IsRefused()
    {
        var complete = new Dictionary<string, string> { ["Number"] = "1", ["Points"] = "60", ["DisplayName"] = "a" };
        var listed = new[]
        {
            new RunnerEvent("listed", "A") { Properties = complete },
            new RunnerEvent("listed", "B") { Properties = new Dictionary<string, string> { ["Number"] = "2" } },
        };
        var convert = () => TestKit.ToGradedTests(listed, GradingLimits.Default);
        convert.Should().Throw<InvalidOperationException>()
            .WithMessage("*B has no complete [Graded(number, points, name)] attribute*")
            .WithMessage("*add up to 60, not 100*");
    }
}

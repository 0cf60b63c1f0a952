using Assignment1.Grader.Skeleton;
using Assignment1.Grader.Tests.Support;
using FluentAssertions;

namespace Assignment1.Grader.Tests;

/// <summary>student/'s TODO files are exactly what the generator makes of grader/solution.</summary>
[TestFixture]
public class SkeletonDriftTests
{
    [Test]
    public void StudentTodoFiles_AreTheGeneratedSkeleton()
    {
        var stale = SkeletonSync.Inspect(Repository.Layout).Where(s => !s.UpToDate).Select(s => s.StudentPath).ToList();
        stale.Should().BeEmpty("student/ must be regenerated after every change to grader/solution: run ./grader/grader generate-skeleton");
    }

    [Test]
    public void TodoFiles_AreTheFiveFilesStudentsSubmit()
    {
        Repository.Layout.TodoFiles.Should().Equal(
            "Models/BaseNetwork.cs", "Models/SoftmaxRegression.cs", "Models/TwoLayerNet.cs", "Optimizers/Sgd.cs", "Utils.cs");
        string collect = File.ReadAllText(Repository.PathOf("collect_submission.sh"));
        foreach (string file in Repository.Layout.TodoFiles)
        {
            collect.Should().Contain("student/" + file, "collect_submission.sh must zip every TODO file");
        }
    }

    [Test]
    public void Skeleton_KeepsNoLineOfAnySolutionRegion()
    {
        foreach (string file in Repository.Layout.TodoFiles)
        {
            string reference = File.ReadAllText(Path.Combine(Repository.Layout.SolutionDirectory, file));
            string skeleton = File.ReadAllText(Path.Combine(Repository.Layout.StudentDirectory, file));
            foreach (string line in SolutionLines(reference).Where(l => l.Length > 12))
            {
                skeleton.Should().NotContain(line, $"student/{file} must not leak the reference solution");
            }
        }
    }

    [Test]
    public void Generate_ReplacesEachRegionWithAThrowNamingMethodAndFile()
    {
        const string source = """
            namespace N;
            public class C
            {
                public int F(int x)
                {
                    // BEGIN SOLUTION
                    return x + 1;
                    // END SOLUTION
                }
            }
            """;
        string skeleton = SkeletonGenerator.Generate(source, "Models/C.cs");
        skeleton.Should().Contain("throw new NotImplementedException(\"C.F in student/Models/C.cs is not implemented yet.\");")
            .And.NotContain("return x + 1;")
            .And.Contain("// TODO: implement C.F");
    }

    [TestCase("// BEGIN SOLUTION\n", "never closed")]
    [TestCase("// END SOLUTION\n", "without a '// BEGIN SOLUTION'")]
    [TestCase("// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n", "inside the region")]
    [TestCase("", "no '// BEGIN SOLUTION' region")]
    public void Generate_RejectsBrokenMarkers(string markers, string expectedMessage)
    {
        string source = "namespace N;\npublic class C\n{\n    public void F()\n    {\n" + markers + "    }\n}\n";
        var generate = () => SkeletonGenerator.Generate(source, "C.cs");
        generate.Should().Throw<FormatException>().WithMessage($"*{expectedMessage}*");
    }

    [Test]
    public void Generate_RejectsARegionOutsideAMethod()
    {
        const string source = "namespace N;\n// BEGIN SOLUTION\npublic class C { }\n// END SOLUTION\n";
        var generate = () => SkeletonGenerator.Generate(source, "C.cs");
        generate.Should().Throw<FormatException>().WithMessage("*inside a method body*");
    }

    private static IEnumerable<string> SolutionLines(string reference)
    {
        bool inside = false;
        foreach (string raw in reference.Split('\n'))
        {
            string line = raw.Trim();
            if (line == SkeletonGenerator.BeginMarker || line == SkeletonGenerator.EndMarker)
            {
                inside = line == SkeletonGenerator.BeginMarker;
                continue;
            }
            if (inside && line is not ("{" or "}" or ""))
            {
                yield return line;
            }
        }
    }
}

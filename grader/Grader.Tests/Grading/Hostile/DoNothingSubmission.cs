using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Assignment1.Grader.Skeleton;

namespace Assignment1.Grader.Tests.Grading.Hostile;

/// <summary>
/// Submissions with no model code: every solution region of the reference replaced by a trivial body (the input
/// returned, 0, (0, 0), nothing). The suites must give them almost nothing.
/// </summary>
public static class DoNothingSubmission
{
    /// <summary>A trivial body per TODO method: what returns fastest and still compiles.</summary>
    public static readonly IReadOnlyDictionary<string, string> TrivialBodies = new Dictionary<string, string>
    {
        ["LoadMnistTrainVal"] = "return (images, labels, images, labels);",
        ["GenerateBatchedData"] = "return (new List<Matrix<double>> { data }, new List<int[]> { labels });",
        ["PlotCurves"] = "",
        ["Softmax"] = "return scores;",
        ["CrossEntropyLoss"] = "return 0;",
        ["ComputeAccuracy"] = "return 0;",
        ["Sigmoid"] = "return x;",
        ["SigmoidDev"] = "return x;",
        ["ReLU"] = "return x;",
        ["ReLUDev"] = "return x;",
        ["SoftmaxRegression"] = "",
        ["Forward"] = "return (0, 0);",
        ["ApplyRegularization"] = "",
        ["Update"] = "",
    };

    /// <summary>The reference's files with each solution region replaced by <paramref name="bodies"/>' body for its method.</summary>
    /// <param name="bodies">Method name → body; a region whose method has none keeps the reference's code.</param>
    public static Dictionary<string, string> Files(IReadOnlyDictionary<string, string> bodies) =>
        GradingFixture.ReferenceFiles((path, text) => path.EndsWith(".cs", StringComparison.Ordinal) ? Replace(text, bodies) : text);

    private static string Replace(string text, IReadOnlyDictionary<string, string> bodies)
    {
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var region = new Regex(Regex.Escape(SkeletonGenerator.BeginMarker) + ".*?" + Regex.Escape(SkeletonGenerator.EndMarker), RegexOptions.Singleline);
        return region.Replace(text, match =>
        {
            // The method (or constructor) a region belongs to.
            var member = root.FindToken(match.Index).Parent?.AncestorsAndSelf().OfType<BaseMethodDeclarationSyntax>().FirstOrDefault();
            string method = member switch
            {
                MethodDeclarationSyntax m => m.Identifier.Text,
                ConstructorDeclarationSyntax c => c.Identifier.Text,
                _ => "",
            };
            return bodies.TryGetValue(method, out string? body) ? body : match.Value;
        });
    }
}

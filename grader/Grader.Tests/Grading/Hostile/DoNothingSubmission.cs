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

    /// <summary>
    /// The trivial bodies, except that every report claims perfection: <c>ComputeAccuracy</c> returns 1 and both
    /// <c>Forward</c>s return a loss of 0 and an accuracy of 1, learning nothing.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PerfectClaims = new Dictionary<string, string>(TrivialBodies)
    {
        ["ComputeAccuracy"] = "return 1;",
        ["Forward"] = "return (0, 1);",
    };

    /// <summary>
    /// The trivial bodies, except that every method whose public test checks a few values returns those values, copied
    /// from the public tests, when it is given the public test's input (recognised by its shape): no computation at all.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> PublicAnswers = new Dictionary<string, string>(TrivialBodies)
    {
        ["Sigmoid"] = Answer("x", "{ 0.1841628, 0.4218198 }, { 0.42978908, 0.26740977 }, { 0.66023782, 0.77794766 }, { 0.16133995, 0.71140804 }"),
        ["SigmoidDev"] = Answer("x", "{ 0.15024686, 0.24388786 }, { 0.24507043, 0.19590178 }, { 0.22432384, 0.1727451 }, { 0.13530937, 0.20530664 }"),
        ["ReLU"] = Answer("x", "{ 0, 0 }, { 0, 0 }, { 0.66435418, 1.2537461 }, { 0, 0.90223236 }"),
        ["ReLUDev"] = Answer("x", "{ 0, 0 }, { 0, 0 }, { 1, 1 }, { 0, 1 }"),
        ["Softmax"] = "if (scores.RowCount == 2) { return Matrix<double>.Build.DenseOfArray(new double[,] { { 0.73105858, 0.26894142 }, { 0.26894142, 0.73105858 } }); }\n        "
            + Answer("scores", "{ 0.23629739, 0.76370261 }, { 0.67372745, 0.32627255 }, { 0.35677439, 0.64322561 }, { 0.07239128, 0.92760872 }"),
        ["CrossEntropyLoss"] = "return 0.937803;",
        ["ComputeAccuracy"] = "return 1.0 / 3;",
        ["Forward"] = "return this is SoftmaxRegression ? (2.3029035854, 0.046875) : (2.3028479181, 0.046875);",
    };

    /// <summary>
    /// The trivial bodies, except that every number returned is NaN (matrices of NaN, a NaN loss and accuracy, NaN
    /// gradients): a comparison such as <c>!(error &gt; tolerance)</c> or <c>Math.Max(error, x)</c> lets NaN through.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotANumber = new Dictionary<string, string>(TrivialBodies)
    {
        ["Softmax"] = "return scores.Map(_ => double.NaN);",
        ["CrossEntropyLoss"] = "return double.NaN;",
        ["ComputeAccuracy"] = "return double.NaN;",
        ["Sigmoid"] = "return x.Map(_ => double.NaN);",
        ["SigmoidDev"] = "return x.Map(_ => double.NaN);",
        ["ReLU"] = "return x.Map(_ => double.NaN);",
        ["ReLUDev"] = "return x.Map(_ => double.NaN);",
        ["Forward"] = "foreach (var key in Weights.Keys) { Gradients[key] = Weights[key].Map(_ => double.NaN); }\n        return (double.NaN, double.NaN);",
        ["ApplyRegularization"] = "foreach (var key in model.Gradients.Keys.ToList()) { model.Gradients[key] = model.Gradients[key].Map(_ => double.NaN); }",
        ["Update"] = "foreach (var key in model.Weights.Keys.ToList()) { model.Weights[key] = model.Weights[key].Map(_ => double.NaN); }",
    };

    /// <summary>A body that returns <paramref name="rows"/> for a 4×2 input and the input itself otherwise.</summary>
    private static string Answer(string input, string rows) =>
        $"return {input}.RowCount == 4 && {input}.ColumnCount == 2 ? Matrix<double>.Build.DenseOfArray(new double[,] {{ {rows} }}) : {input};";

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

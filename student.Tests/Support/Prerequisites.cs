namespace Assignment1.Tests.Support;

/// <summary>
/// The building blocks that the network tests rely on. When such a test fails, the blocks it uses are checked with
/// their own tests, and the failure names those that fail: "Your Softmax fails its own test (1.5); this test relies on
/// it: fix it first." Only the message changes: a test that passes never runs these checks, and a block never fails a
/// test by itself.
/// </summary>
[System.Diagnostics.StackTraceHidden] // failures point at the test's line, not at this helper
public static class Prerequisites
{
    /// <summary>A method of the skeleton that other tests rely on, with the number and body of its own test.</summary>
    public sealed record Block(string Method, string TestNumber, Action OwnTest);

    /// <summary>BaseNetwork.Sigmoid and its test 1.1.</summary>
    public static readonly Block Sigmoid = new("Sigmoid", "1.1", () => new ActivationTests().Sigmoid_MatchesTheOriginalValues());

    /// <summary>BaseNetwork.SigmoidDev and its test 1.2.</summary>
    public static readonly Block SigmoidDev = new("SigmoidDev", "1.2", () => new ActivationTests().SigmoidDev_MatchesTheOriginalValues());

    /// <summary>BaseNetwork.ReLU and its test 1.3.</summary>
    public static readonly Block ReLU = new("ReLU", "1.3", () => new ActivationTests().ReLU_MatchesTheOriginalValues());

    /// <summary>BaseNetwork.ReLUDev and its test 1.4.</summary>
    public static readonly Block ReLUDev = new("ReLUDev", "1.4", () => new ActivationTests().ReLUDev_MatchesTheOriginalValues());

    /// <summary>BaseNetwork.Softmax and its test 1.5.</summary>
    public static readonly Block Softmax = new("Softmax", "1.5", () => new ActivationTests().Softmax_MatchesTheOriginalValues());

    /// <summary>BaseNetwork.CrossEntropyLoss and its test 2.1.</summary>
    public static readonly Block CrossEntropyLoss = new("CrossEntropyLoss", "2.1", () => new LossTests().CrossEntropyLoss_MatchesTheOriginalValue());

    /// <summary>BaseNetwork.ComputeAccuracy and its test 2.2.</summary>
    public static readonly Block ComputeAccuracy = new("ComputeAccuracy", "2.2", () => new LossTests().ComputeAccuracy_MatchesTheOriginalValue());

    /// <summary>
    /// Runs <paramref name="test"/>; if it fails, fails again with the same message, preceded by the blocks of
    /// <paramref name="uses"/> whose own tests fail too.
    /// </summary>
    public static void Explain(Action test, params Block[] uses)
    {
        try
        {
            test();
        }
        catch (AssertionException failure)
        {
            var broken = uses.Where(FailsItsOwnTest).ToList();
            if (broken.Count == 0)
            {
                throw;
            }
            string names = Join(broken.Select(b => b.Method));
            string numbers = string.Join(", ", broken.Select(b => b.TestNumber));
            string cause = broken.Count == 1
                ? $"Your {names} fails its own test ({numbers}), and this test relies on it: fix it first."
                : $"Your {names} fail their own tests ({numbers}), and this test relies on them: fix them first.";
            Expect.Fail($"{cause}\n\n{failure.Message}");
        }
    }

    private static bool FailsItsOwnTest(Block block)
    {
        try
        {
            block.OwnTest();
            return false;
        }
        catch (AssertionException)
        {
            return true;
        }
    }

    private static string Join(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 1 ? list[0] : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}

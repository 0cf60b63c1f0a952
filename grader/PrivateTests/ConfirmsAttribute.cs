namespace Assignment1.PrivateTests;

/// <summary>
/// Marks a private test as the same check as some public tests, on other data. Students can read a public test's input
/// and its expected value; when this test fails, the grader counts those public tests as failed as well, so code that
/// recognises a public input and returns its expected value earns nothing. Only for checks that every implementation
/// correct on ordinary inputs passes: no edge cases (huge logits, ties, underflow), which have tests of their own.
/// </summary>
/// <remarks>The grader reads the NUnit property <c>Confirms</c>: the public tests' numbers, comma-separated.</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ConfirmsAttribute : PropertyAttribute
{
    /// <summary>Names the public tests this test confirms.</summary>
    /// <param name="publicTests">Their numbers ("4.1"); a method's number covers all its cases.</param>
    public ConfirmsAttribute(params string[] publicTests)
    {
        Properties.Add("Confirms", string.Join(",", publicTests));
    }
}

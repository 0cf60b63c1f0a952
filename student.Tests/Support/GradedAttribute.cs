namespace Assignment1.Tests.Support;

/// <summary>
/// How a test counts towards the grade: its stable number and display name in the grader's results, the
/// points it is worth, and who sees it. On a method with several test cases, each case is worth the points.
/// </summary>
/// <remarks>The grader reads these as NUnit properties (<c>Number</c>, <c>Points</c>, <c>DisplayName</c>, <c>Visibility</c>).</remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class GradedAttribute : PropertyAttribute
{
    /// <summary>Marks a test as graded.</summary>
    /// <param name="number">Stable number shown in the results, e.g. "1.2".</param>
    /// <param name="points">Points for passing (each case, for a method with several).</param>
    /// <param name="displayName">What students see as the test's name.</param>
    /// <param name="visibility">Gradescope visibility: visible, after_due_date, after_published or hidden.</param>
    /// <param name="timeoutSeconds">The grader's time limit for this test; 0 for the grader's default.</param>
    public GradedAttribute(string number, double points, string displayName, string visibility = "visible", double timeoutSeconds = 0)
    {
        if (timeoutSeconds > 0)
        {
            Properties.Add("TimeoutSeconds", timeoutSeconds);
        }
        Properties.Add("Number", number);
        Properties.Add("Points", points);
        Properties.Add("DisplayName", displayName);
        Properties.Add("Visibility", visibility);
    }
}

namespace Assignment1.Grader.Tests.Grading.Catalogue;

/// <summary>
/// A realistic wrong submission: the reference solution with one edit that reproduces a mistake students make,
/// and the tests that must catch it.
/// </summary>
/// <param name="Id">Short stable name, used as the test case's name.</param>
/// <param name="Mistake">What the student did wrong, in the words a TA would use.</param>
/// <param name="File">The submission path of the edited file, e.g. <c>student/Models/BaseNetwork.cs</c>.</param>
/// <param name="Original">Text of the reference that the edit replaces (must occur in <paramref name="File"/>).</param>
/// <param name="Replacement">The wrong code put in its place.</param>
/// <param name="FailingTests">The numbers of exactly the tests that must fail (of the suites minus the long training tests); every other test must pass.</param>
/// <param name="Explained">
/// For mistakes the public suite must explain: a public test among <paramref name="FailingTests"/> and words its
/// failure message must contain, the real cause in the student's terms.
/// </param>
public sealed record StudentBug(string Id, string Mistake, string File, string Original, string Replacement, string[] FailingTests,
    (string Test, string Words)? Explained = null)
{
    /// <inheritdoc />
    public override string ToString() => Id;
}

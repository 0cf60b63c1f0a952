namespace Assignment1.Grader.Tests.Grading.Hostile;

/// <summary>
/// One hostile submission of the catalogue: a base (the do-nothing submission, or the reference solution) with code
/// added to one TODO file, and the bound its score must respect on the kit it is graded with.
/// </summary>
/// <param name="Id">Short unique name.</param>
/// <param name="Attack">What it tries, in a sentence.</param>
/// <param name="OnReference">True: the reference with the edit, which must lose only <paramref name="Broken"/>. False:
/// the do-nothing submission with the edit, which must gain nothing over the do-nothing submission.</param>
/// <param name="File">The edited file, in the submission layout.</param>
/// <param name="Anchor">Text of the base file the edit replaces (it must occur once).</param>
/// <param name="Replacement">What the anchor becomes.</param>
/// <param name="Broken">For an entry on the reference: the tests (numbers) it may fail; all others must pass.</param>
public sealed record HostileEntry(string Id, string Attack, bool OnReference, string File, string Anchor, string Replacement, params string[] Broken)
{
    /// <inheritdoc/>
    public override string ToString() => Id;
}

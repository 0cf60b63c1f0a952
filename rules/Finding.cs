namespace Assignment1.Rules;

/// <summary>Something wrong in a submitted file, found before anything runs.</summary>
/// <param name="File">Path in the submission layout, e.g. <c>student/Utils.cs</c>.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Message">What and why, for the student.</param>
/// <param name="Position">Character offset in the file, to find the enclosing method; -1 when the finding concerns the whole file.</param>
/// <param name="Category">The rule category (see rules/submission-rules.yaml), or "" for findings of other checks.</param>
/// <param name="Length">Characters from <paramref name="Position"/> that the finding covers (what an IDE underlines).</param>
public sealed record Finding(string File, int Line, string Message, int Position = -1, string Category = "", int Length = 0)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}: {Message}";
}

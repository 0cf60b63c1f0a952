using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Assignment1.Grader.Skeleton;

/// <summary>
/// Turns a reference solution file into the student's skeleton: every region between the lines
/// <c>// BEGIN SOLUTION</c> and <c>// END SOLUTION</c> becomes a TODO comment and a
/// <c>throw new NotImplementedException(...)</c> naming the method and the file. Everything outside the
/// regions (documentation, signatures, provided code) is kept byte for byte, so the skeleton cannot drift
/// from the reference.
/// </summary>
public static class SkeletonGenerator
{
    /// <summary>The line that opens a solution region.</summary>
    public const string BeginMarker = "// BEGIN SOLUTION";

    /// <summary>The line that closes a solution region.</summary>
    public const string EndMarker = "// END SOLUTION";

    /// <summary>Generates the skeleton of one reference file.</summary>
    /// <param name="referenceSource">The reference file's text.</param>
    /// <param name="studentPath">The file's path in the student project, e.g. <c>Models/TwoLayerNet.cs</c>; used in messages.</param>
    /// <returns>The skeleton's text.</returns>
    /// <exception cref="FormatException">Markers are unpaired, nested, outside a method, or the file has none.</exception>
    public static string Generate(string referenceSource, string studentPath)
    {
        var root = CSharpSyntaxTree.ParseText(referenceSource).GetRoot();
        string[] lines = referenceSource.Split('\n');
        var output = new StringBuilder();
        int regions = 0;
        int lineStart = 0;

        for (int i = 0; i < lines.Length; i++)
        {
            string trimmed = lines[i].Trim();
            if (trimmed == EndMarker)
            {
                throw new FormatException($"{studentPath}:{i + 1}: '{EndMarker}' without a '{BeginMarker}' before it.");
            }
            if (trimmed != BeginMarker)
            {
                output.Append(lines[i]);
                if (i < lines.Length - 1)
                {
                    output.Append('\n');
                }
                lineStart += lines[i].Length + 1;
                continue;
            }

            int end = FindEnd(lines, i, studentPath);
            string method = EnclosingMember(root, lineStart, studentPath, i + 1);
            string indent = lines[i][..lines[i].IndexOf('/')];
            output.Append($"{indent}// TODO: implement {method} as its documentation above describes, then remove the throw below.\n");
            output.Append($"{indent}throw new NotImplementedException(\"{method} in student/{studentPath} is not implemented yet.\");\n");
            regions++;
            for (int skipped = i; skipped <= end; skipped++)
            {
                lineStart += lines[skipped].Length + 1;
            }
            i = end;
        }

        if (regions == 0)
        {
            throw new FormatException($"{studentPath}: no '{BeginMarker}' region, so nothing would be left for students to do.");
        }
        return output.ToString();
    }

    private static int FindEnd(string[] lines, int begin, string studentPath)
    {
        for (int j = begin + 1; j < lines.Length; j++)
        {
            string trimmed = lines[j].Trim();
            if (trimmed == EndMarker)
            {
                return j;
            }
            if (trimmed == BeginMarker)
            {
                throw new FormatException($"{studentPath}:{j + 1}: '{BeginMarker}' inside the region opened at line {begin + 1}.");
            }
        }
        throw new FormatException($"{studentPath}:{begin + 1}: '{BeginMarker}' is never closed by '{EndMarker}'.");
    }

    /// <summary>"Type.Method" of the method, constructor or accessor whose body holds <paramref name="position"/>.</summary>
    private static string EnclosingMember(SyntaxNode root, int position, string studentPath, int line)
    {
        var token = root.FindToken(position, findInsideTrivia: false);
        var member = token.Parent?.AncestorsAndSelf().OfType<BaseMethodDeclarationSyntax>().FirstOrDefault()
            ?? throw new FormatException($"{studentPath}:{line}: a solution region must be inside a method body.");
        var type = member.Ancestors().OfType<BaseTypeDeclarationSyntax>().First();
        string name = member switch
        {
            MethodDeclarationSyntax m => m.Identifier.Text,
            ConstructorDeclarationSyntax => type.Identifier.Text,
            _ => member.Kind().ToString(),
        };
        return $"{type.Identifier.Text}.{name}";
    }
}

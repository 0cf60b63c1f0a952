using System;
using System.IO;

namespace Assignment1.Rules;

/// <summary>The rules files built into this assembly, so that what is checked is exactly what was reviewed.</summary>
internal static class Embedded
{
    /// <summary>The text of an embedded file (its name under rules/).</summary>
    public static string Text(string name)
    {
        using var stream = typeof(Embedded).Assembly.GetManifestResourceStream(name)
                           ?? throw new InvalidOperationException($"Assignment1.Rules was built without rules/{name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

namespace Assignment1.Grader.Tests.Bench;

/// <summary>
/// The two Markdown tables of <c>bench compare</c>, read back into cells: the sides (config, side, figures) and the
/// ratios (config, figures). Header and separator rows are left out.
/// </summary>
public sealed class TableRows
{
    private readonly List<string[]> sides;
    private readonly List<string[]> ratios;

    private TableRows(List<string[]> sides, List<string[]> ratios) => (this.sides, this.ratios) = (sides, ratios);

    /// <summary>Every data row of the sides table.</summary>
    public IReadOnlyList<string[]> SideRows => sides;

    /// <summary>Every data row of the ratios table.</summary>
    public IReadOnlyList<string[]> RatioRows => ratios;

    /// <summary>Reads the first two tables of <paramref name="text"/>; fails the test when there are fewer.</summary>
    public static TableRows Parse(string text)
    {
        var tables = new List<List<string[]>>();
        List<string[]>? current = null;
        foreach (string line in text.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (!line.StartsWith('|'))
            {
                current = null;
                continue;
            }
            if (current is null)
            {
                tables.Add(current = []);
                continue; // the header
            }
            if (!line.StartsWith("|---", StringComparison.Ordinal))
            {
                current.Add(line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray());
            }
        }
        Assert.That(tables, Has.Count.GreaterThanOrEqualTo(2), $"bench compare printed fewer than two tables:\n{text}");
        return new TableRows(tables[0], tables[1]);
    }

    /// <summary>The figures of one side of one config: median s/epoch, first/median, peak MB, test accuracy.</summary>
    public string[] Side(string config, string side) => SideWhere(config, side, s => s == side);

    /// <summary>The figures of NumPy's side of one config, whatever BLAS its name carries ("numpy (openblas)").</summary>
    public string[] NumpySide(string config) => SideWhere(config, "numpy", s => s.StartsWith("numpy", StringComparison.Ordinal));

    private string[] SideWhere(string config, string description, Func<string, bool> isSide) =>
        sides.SingleOrDefault(r => r[0] == config && isSide(r[1]))?[2..]
        ?? throw new AssertionException($"no row for {config}, {description}; rows: {string.Join("; ", sides.Select(r => string.Join(" | ", r)))}");

    /// <summary>The ratios of one config: s/epoch ours/NumPy, our first/median, peak ours/NumPy, accuracy difference.</summary>
    public string[] Ratios(string config) =>
        ratios.SingleOrDefault(r => r[0] == config)?[1..]
        ?? throw new AssertionException($"no ratios for {config}; rows: {string.Join("; ", ratios.Select(r => string.Join(" | ", r)))}");
}

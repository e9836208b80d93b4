using System.Text;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Knowledge.Ingestion;

/// <summary>
/// A table of an HTML page or a Word document as text the parser understands: two columns of labels and values
/// ("Venue | Centara Grand Hotel") as "Venue: Centara Grand Hotel" lines; a table with a header row as markdown rows,
/// which <see cref="LineCleaner"/> turns into programme lines ("09:00 – 09:45 Opening session", "Speakers: ...");
/// anything else as one " | "-joined line a row.
/// </summary>
internal static partial class TableText
{
    /// <param name="rows">The cells of each row, in order.</param>
    /// <param name="header">Whether the first row is a header (HTML th cells, a Word header row); null when the markup does not say.</param>
    public static string Render(IReadOnlyList<string[]> rows, bool? header)
    {
        var table = rows.Select(r => r.Select(Cell).ToArray()).Where(r => r.Any(c => c.Length > 0)).ToList();
        if (table.Count == 0) return "";
        var sb = new StringBuilder("\n\n");
        if (header != true && table.All(r => r.Length == 2 && IsLabel(r[0])))
        {
            foreach (var r in table) sb.Append(r[1].Length == 0 ? r[0] : $"{r[0]}: {r[1]}").Append("\n\n");
            return sb.ToString();
        }
        var width = table.Max(r => r.Length);
        if ((header ?? (table.Count > 1 && width >= 2 && table[0].All(IsLabel))) && table.Count > 1)
        {
            sb.Append(Row(table[0], width)).Append('\n').Append(Row(Enumerable.Repeat("---", width).ToArray(), width)).Append('\n');
            foreach (var r in table.Skip(1)) sb.Append(Row(r, width)).Append('\n');
            return sb.Append('\n').ToString();
        }
        foreach (var r in table) sb.Append(string.Join(" | ", r.Where(c => c.Length > 0))).Append("\n\n");
        return sb.ToString();
    }

    private static string Row(string[] cells, int width) =>
        "| " + string.Join(" | ", cells.Concat(Enumerable.Repeat("", width - cells.Length))) + " |";

    /// <summary>One line a cell: its own lines joined with "; " (names one a line), no pipes (they separate cells).</summary>
    private static string Cell(string text) =>
        Spaces().Replace(LineBreaks().Replace(text.Trim(), "; "), " ").Replace('|', '/').Trim();

    /// <summary>A column label or a row label: a few words, no figures ("Time", "Working language").</summary>
    private static bool IsLabel(string cell) =>
        cell.Length is > 0 and <= 40 && !cell.Any(char.IsDigit) && cell.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 5 && !cell.Contains('@');

    [GeneratedRegex(@"\s*\n\s*")]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex Spaces();
}

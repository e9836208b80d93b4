using System.Globalization;
using System.Text;
using DelegateBot.Core.Registrations.Definition;

namespace DelegateBot.Core.Registrations;

/// <summary>
/// Registrations as CSV (RFC 4180: comma-separated, CRLF line ends, fields with commas, quotes or line
/// breaks quoted and inner quotes doubled), UTF-8 with a byte-order mark so Excel reads accents right.
/// Columns: the bookkeeping ones, then one per step of the form in its order, then any answer a former
/// version of the form collected.
/// </summary>
public static class RegistrationCsv
{
    private static readonly string[] Leading = ["confirmation_number", "meeting_id", "status", "created_at", "updated_at"];
    private static readonly string[] Trailing = ["channel_id", "user_id", "aad_object_id"];

    public static string Write(IReadOnlyList<Registration> registrations, RegistrationDefinition? definition = null)
    {
        var fields = (definition?.Steps.Select(s => s.Id) ?? [])
            .Concat(registrations.SelectMany(r => r.Answers.Keys))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var sb = new StringBuilder();
        WriteRow(sb, Leading.Concat(fields).Concat(Trailing));
        foreach (var r in registrations)
        {
            var values = new List<string?>
            {
                r.ConfirmationNumber, r.MeetingId, r.Status == RegistrationStatus.Active ? "active" : "cancelled",
                Timestamp(r.CreatedAt), Timestamp(r.UpdatedAt),
            };
            values.AddRange(fields.Select(f => r.Answers.TryGetValue(f, out var a) ? a.Value : null));
            values.AddRange([r.ChannelId, r.UserId, r.AadObjectId]);
            WriteRow(sb, values);
        }
        return sb.ToString();
    }

    /// <summary>The CSV as bytes: UTF-8 with BOM.</summary>
    public static byte[] ToBytes(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];

    private static void WriteRow(StringBuilder sb, IEnumerable<string?> values)
    {
        sb.Append(string.Join(',', values.Select(Escape)));
        sb.Append("\r\n");
    }

    /// <summary>Quotes a field when it holds a comma, quote, CR or LF; doubles inner quotes.</summary>
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        // A leading =, +, - or @ would run as a formula when opened in a spreadsheet.
        if (value[0] is '=' or '+' or '-' or '@' && !IsNumberLike(value)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static bool IsNumberLike(string value) => value.Skip(1).All(c => char.IsDigit(c) || c is ' ' or '-' or '(' or ')' or '.');

    private static string Timestamp(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace DelegateBot.Core.Agenda.Extraction;

/// <summary>A known place: a city or a country, the IANA zone meetings there keep, and the country of a city.</summary>
internal sealed record PlaceInfo(string Name, string? Zone, string? Country);

internal sealed record PlaceMatch(int Index, int Length, PlaceInfo Place);

/// <summary>
/// Cities and countries where UN meetings are held, with their time zone: the venue decides the meeting's zone.
/// Countries spanning several zones (United States, Mexico, Brazil...) have none: only their cities tell.
/// Configuration ("Agenda:Places") adds or corrects entries.
/// </summary>
internal sealed class Places
{
    private static readonly (string Name, string Zone, string? Country)[] BuiltIn =
    [
        ("New York", "America/New_York", "United States"), ("UN Headquarters", "America/New_York", "United States"),
        ("United Nations Headquarters", "America/New_York", "United States"), ("Washington", "America/New_York", "United States"),
        ("Geneva", "Europe/Zurich", "Switzerland"), ("Vienna", "Europe/Vienna", "Austria"), ("Nairobi", "Africa/Nairobi", "Kenya"),
        ("Brussels", "Europe/Brussels", "Belgium"), ("Manila", "Asia/Manila", "Philippines"), ("Athens", "Europe/Athens", "Greece"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires", "Argentina"), ("Puerto Vallarta", "America/Mexico_City", "Mexico"),
        ("Mexico City", "America/Mexico_City", "Mexico"), ("Rabat", "Africa/Casablanca", "Morocco"), ("Marrakech", "Africa/Casablanca", "Morocco"),
        ("Marrakesh", "Africa/Casablanca", "Morocco"), ("Casablanca", "Africa/Casablanca", "Morocco"), ("Tripoli", "Africa/Tripoli", "Libya"),
        ("Lima", "America/Lima", "Peru"), ("Cuenca", "America/Guayaquil", "Ecuador"), ("Quito", "America/Guayaquil", "Ecuador"),
        ("Santiago", "America/Santiago", "Chile"), ("Bangkok", "Asia/Bangkok", "Thailand"), ("Addis Ababa", "Africa/Addis_Ababa", "Ethiopia"),
        ("Beirut", "Asia/Beirut", "Lebanon"), ("Paris", "Europe/Paris", "France"), ("London", "Europe/London", "United Kingdom"),
        ("Rome", "Europe/Rome", "Italy"), ("Madrid", "Europe/Madrid", "Spain"), ("Lisbon", "Europe/Lisbon", "Portugal"),
        ("The Hague", "Europe/Amsterdam", "Netherlands"), ("Amsterdam", "Europe/Amsterdam", "Netherlands"), ("Berlin", "Europe/Berlin", "Germany"),
        ("Bonn", "Europe/Berlin", "Germany"), ("Stockholm", "Europe/Stockholm", "Sweden"), ("Istanbul", "Europe/Istanbul", "Turkey"),
        ("Ankara", "Europe/Istanbul", "Turkey"), ("Cairo", "Africa/Cairo", "Egypt"), ("Dakar", "Africa/Dakar", "Senegal"),
        ("Abuja", "Africa/Lagos", "Nigeria"), ("Accra", "Africa/Accra", "Ghana"), ("Johannesburg", "Africa/Johannesburg", "South Africa"),
        ("Dhaka", "Asia/Dhaka", "Bangladesh"), ("Colombo", "Asia/Colombo", "Sri Lanka"), ("New Delhi", "Asia/Kolkata", "India"),
        ("Doha", "Asia/Qatar", "Qatar"), ("Abu Dhabi", "Asia/Dubai", "United Arab Emirates"), ("Dubai", "Asia/Dubai", "United Arab Emirates"),
        ("Kathmandu", "Asia/Kathmandu", "Nepal"), ("Tokyo", "Asia/Tokyo", "Japan"), ("Seoul", "Asia/Seoul", "Republic of Korea"),
        ("Jakarta", "Asia/Jakarta", "Indonesia"), ("Bali", "Asia/Makassar", "Indonesia"), ("Kuala Lumpur", "Asia/Kuala_Lumpur", "Malaysia"),
        ("Singapore", "Asia/Singapore", "Singapore"), ("Sydney", "Australia/Sydney", "Australia"), ("Ottawa", "America/Toronto", "Canada"),
        ("Montreal", "America/Toronto", "Canada"), ("Brasilia", "America/Sao_Paulo", "Brazil"), ("Bogota", "America/Bogota", "Colombia"),
        ("Quezon City", "Asia/Manila", "Philippines"), ("Durban", "Africa/Johannesburg", "South Africa"), ("Copenhagen", "Europe/Copenhagen", "Denmark"),
        ("Oslo", "Europe/Oslo", "Norway"), ("Helsinki", "Europe/Helsinki", "Finland"), ("Warsaw", "Europe/Warsaw", "Poland"),
        ("Budapest", "Europe/Budapest", "Hungary"), ("Moscow", "Europe/Moscow", "Russian Federation"), ("Tunis", "Africa/Tunis", "Tunisia"),
        ("Algiers", "Africa/Algiers", "Algeria"), ("Bamako", "Africa/Bamako", "Mali"), ("Kampala", "Africa/Kampala", "Uganda"),
        ("Kigali", "Africa/Kigali", "Rwanda"), ("Amman", "Asia/Amman", "Jordan"), ("Baku", "Asia/Baku", "Azerbaijan"),
        ("Belgium", "Europe/Brussels", null), ("Philippines", "Asia/Manila", null), ("Greece", "Europe/Athens", null),
        ("Argentina", "America/Argentina/Buenos_Aires", null), ("Morocco", "Africa/Casablanca", null), ("Switzerland", "Europe/Zurich", null),
        ("Austria", "Europe/Vienna", null), ("Kenya", "Africa/Nairobi", null), ("Ecuador", "America/Guayaquil", null),
        ("Peru", "America/Lima", null), ("Libya", "Africa/Tripoli", null), ("France", "Europe/Paris", null), ("Germany", "Europe/Berlin", null),
        ("Italy", "Europe/Rome", null), ("Spain", "Europe/Madrid", null), ("Portugal", "Europe/Lisbon", null), ("Netherlands", "Europe/Amsterdam", null),
        ("Sweden", "Europe/Stockholm", null), ("Turkey", "Europe/Istanbul", null), ("Egypt", "Africa/Cairo", null), ("Senegal", "Africa/Dakar", null),
        ("Ghana", "Africa/Accra", null), ("Nigeria", "Africa/Lagos", null), ("Ethiopia", "Africa/Addis_Ababa", null), ("Thailand", "Asia/Bangkok", null),
        ("Qatar", "Asia/Qatar", null), ("Bangladesh", "Asia/Dhaka", null), ("Sri Lanka", "Asia/Colombo", null), ("India", "Asia/Kolkata", null),
        ("Japan", "Asia/Tokyo", null), ("Mali", "Africa/Bamako", null), ("Tunisia", "Africa/Tunis", null), ("Algeria", "Africa/Algiers", null),
        ("Lebanon", "Asia/Beirut", null), ("Jordan", "Asia/Amman", null), ("Chile", "America/Santiago", null), ("Colombia", "America/Bogota", null),
        ("Nepal", "Asia/Kathmandu", null), ("Sierra Leone", "Africa/Freetown", null), ("Uganda", "Africa/Kampala", null),
        ("Rwanda", "Africa/Kigali", null), ("United Kingdom", "Europe/London", null), ("Denmark", "Europe/Copenhagen", null),
        ("Norway", "Europe/Oslo", null), ("Finland", "Europe/Helsinki", null), ("Poland", "Europe/Warsaw", null), ("Hungary", "Europe/Budapest", null),
        ("Singapore", "Asia/Singapore", null), ("Malaysia", "Asia/Kuala_Lumpur", null), ("Republic of Korea", "Asia/Seoul", null),
        ("Azerbaijan", "Asia/Baku", null), ("United Arab Emirates", "Asia/Dubai", null), ("Viet Nam", "Asia/Ho_Chi_Minh", null),
    ];

    private readonly Dictionary<string, PlaceInfo> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly PlacePattern _pattern;

    public Places(IReadOnlyDictionary<string, string>? extra = null)
    {
        foreach (var (name, zone, country) in BuiltIn) _byName[name] = new PlaceInfo(name, zone, country);
        // Countries whose territory spans several zones: a place, but no zone of their own.
        foreach (var name in new[] { "United States", "Mexico", "Brazil", "Canada", "Australia", "Indonesia", "Russian Federation" })
            _byName.TryAdd(name, new PlaceInfo(name, null, null));
        if (extra is not null)
            foreach (var (name, zone) in extra) _byName[name] = new PlaceInfo(name, zone, _byName.GetValueOrDefault(name)?.Country);
        var alternatives = _byName.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape);
        // "in the Philippines" and "in Philippines" find the same place. Without the optional "the " the pattern starts with the
        // names, which the regex engine then looks for all at once instead of trying every capital letter; the
        // place found is the same as long as no name starts with "t" or a non-word character (then "the" is kept).
        var optionalThe = _byName.Keys.Any(k => k.Length == 0 || k[0] == 't' || !char.IsLetterOrDigit(k[0])) ? @"(?:the\s+)?" : "";
        _pattern = Patterns.GetOrAdd(@"\b" + optionalThe + "(" + string.Join("|", alternatives) + @")\b", p => new PlacePattern(p, _byName.Keys));
    }

    // One per list of places, shared by every agenda build.
    private static readonly ConcurrentDictionary<string, PlacePattern> Patterns = new(StringComparer.Ordinal);

    public PlaceInfo? Get(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>The names known, built-in and configured.</summary>
    internal IEnumerable<string> Names => _byName.Keys;

    /// <summary>Known places named in the text (case-sensitive: places are proper nouns).</summary>
    public List<PlaceMatch> Find(string text)
    {
        var list = new List<PlaceMatch>();
        if (text.AsSpan().IndexOfAny(_pattern.Names) < 0) return list;
        for (var m = _pattern.Regex.Match(text); m.Success; m = m.NextMatch())
        {
            var g = m.Groups[1];
            list.Add(new PlaceMatch(g.Index, g.Length, _byName[g.Value]));
        }
        return list;
    }

    /// <summary>The last known place a venue text names ("Conference Room 4, UN Headquarters, New York" -> New York).</summary>
    public PlaceInfo? In(string? venue) => venue is null ? null : Find(venue).LastOrDefault()?.Place is { } p
        ? (p.Name is "UN Headquarters" or "United Nations Headquarters" ? _byName["New York"] : p) : null;

    /// <summary>Same place, or one is the other's country (Brussels and Belgium).</summary>
    public bool Compatible(PlaceInfo a, PlaceInfo b) =>
        string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(a.Country, b.Name, StringComparison.OrdinalIgnoreCase)
        || string.Equals(b.Country, a.Name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The places pattern: interpreted at first (compiling its hundred-odd names costs a quarter of a second of start-up,
/// more than a small folder's whole agenda), compiled once it has run on enough text for that to pay (a large folder).
/// Both find the same matches.
/// </summary>
internal sealed class PlacePattern(string pattern, IEnumerable<string> names)
{
    private const int UsesBeforeCompiling = 10_000;
    private readonly Regex _interpreted = new(pattern);
    private readonly Lazy<Regex> _compiled = new(() => new Regex(pattern, RegexOptions.Compiled));
    private int _uses;

    /// <summary>All the names at once: most text names no place, and needs no regex.</summary>
    public SearchValues<string> Names { get; } = SearchValues.Create(names.ToArray(), StringComparison.Ordinal);

    public Regex Regex => _uses > UsesBeforeCompiling || Interlocked.Increment(ref _uses) > UsesBeforeCompiling ? _compiled.Value : _interpreted;
}

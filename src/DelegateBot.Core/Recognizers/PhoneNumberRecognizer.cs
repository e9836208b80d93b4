using System.Text.RegularExpressions;

namespace DelegateBot.Core.Recognizers;

/// <summary>
/// A phone number. <see cref="CountryCode"/> is known when the person typed one ("+41", "0041") or a default
/// was given; then <see cref="E164"/> is the international form. <see cref="Display"/> keeps the person's
/// grouping of digits, which is how people read their own number back.
/// </summary>
public sealed record PhoneNumber(string? CountryCode, string NationalNumber, string? Extension, string Display)
{
    /// <summary>"+12129633021" when the country is known; otherwise the national digits.</summary>
    public string E164 => CountryCode is null ? NationalNumber : $"+{CountryCode}{NationalNumber}";
    public override string ToString() => Display;
}

public enum PhoneProblem
{
    None,
    NoDigits,
    TooShort,
    TooLong,
    UnknownCountryCode,
}

public sealed record PhoneRecognition(PhoneNumber? Number, PhoneProblem Problem)
{
    public bool Succeeded => Problem == PhoneProblem.None && Number is not null;
}

/// <summary>
/// Reads phone numbers in the forms people write them: "+41 22 917 12 34", "0041 22 917 1234",
/// "(212) 963-3021", "212.963.3021 ext. 9196", "+1 212 963 3021 x12", "01 23 45 67 89 poste 12".
/// Lengths follow E.164 (at most 15 digits with the country code). National numbers get the default
/// country code when one is given (the meeting's country), dropping a leading trunk "0" (France, Switzerland).
/// </summary>
public static partial class PhoneNumberRecognizer
{
    // Country calling codes (ITU-T E.164 assignments). They are prefix-free: 1 and 7 are one digit,
    // these are two digits, every other assigned code is three digits.
    private static readonly HashSet<string> TwoDigitCodes =
    [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    ];

    private static readonly HashSet<string> ThreeDigitCodes = BuildThreeDigitCodes();

    [GeneratedRegex(@"\s*(?:,|;)?\s*(?:ext\.?|extension|x|poste|p\.|#)\s*(?<ext>\d{1,6})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionRegex();

    [GeneratedRegex(@"(?<num>\+?[\s.\-/]*(?:\(?\d[\d\s.\-/()]*\d\)?))", RegexOptions.CultureInvariant)]
    private static partial Regex NumberRegex();

    public static PhoneRecognition Recognize(string? text, string? defaultCountryCode = null)
    {
        var input = (text ?? string.Empty).Trim().TrimEnd('.');
        string? extension = null;
        var ext = ExtensionRegex().Match(input);
        if (ext.Success)
        {
            extension = ext.Groups["ext"].Value;
            input = input[..ext.Index];
        }
        // The longest run of phone characters is the number ("my number is (212) 963-3021").
        var best = NumberRegex().Matches(input).OrderByDescending(m => m.Value.Count(char.IsAsciiDigit)).FirstOrDefault();
        if (best is null) return new PhoneRecognition(null, PhoneProblem.NoDigits);
        var raw = best.Value.Trim();
        var groups = Regex.Split(raw, @"[^\d+]+").Where(g => g.Length > 0).ToList();
        var digits = string.Concat(raw.Where(char.IsAsciiDigit));

        string? country = null;
        // 011 is the international prefix only from North America (0113 is Leeds in the UK).
        var nanpExit = defaultCountryCode?.TrimStart('+') == "1" && raw.StartsWith("011", StringComparison.Ordinal);
        if (raw.StartsWith('+') || raw.StartsWith("00", StringComparison.Ordinal) || nanpExit)
        {
            var prefixLength = raw.StartsWith('+') ? 0 : nanpExit ? 3 : 2;
            digits = digits[prefixLength..];
            country = CountryCodeOf(digits);
            if (country is null) return new PhoneRecognition(null, PhoneProblem.UnknownCountryCode);
            digits = digits[country.Length..];
            groups = RemovePrefix(groups.Select(g => g.TrimStart('+')).Where(g => g.Length > 0).ToList(), prefixLength + country.Length);
            // "+41 (0)22 ...": the bracketed trunk zero is not dialled internationally.
            if (raw.Contains("(0)", StringComparison.Ordinal) && digits.StartsWith('0'))
            {
                digits = digits[1..];
                groups = RemovePrefix(groups, 1);
            }
        }
        else if (defaultCountryCode is { Length: > 0 })
        {
            country = defaultCountryCode.TrimStart('+');
            if (country == "1" && digits.Length == 11 && digits.StartsWith('1'))
            {
                digits = digits[1..]; // NANP "1 212 963 3021"
                groups = RemovePrefix(groups, 1);
            }
            else if (country != "1" && digits.StartsWith('0') && digits.Length > 7)
            {
                digits = digits[1..]; // trunk prefix: "022 917 12 34" in Switzerland is +41 22 917 12 34
                groups = RemovePrefix(groups, 1);
            }
        }

        var total = (country?.Length ?? 0) + digits.Length;
        if (digits.Length < 6 || total < 7) return new PhoneRecognition(null, PhoneProblem.TooShort);
        if (total > 15) return new PhoneRecognition(null, PhoneProblem.TooLong);
        if (country == "1" && digits.Length != 10) return new PhoneRecognition(null, digits.Length < 10 ? PhoneProblem.TooShort : PhoneProblem.TooLong);

        var national = country == "1" ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : string.Join(' ', groups);
        var display = (country is null ? national : $"+{country} {national}") + (extension is null ? string.Empty : $" ext. {extension}");
        return new PhoneRecognition(new PhoneNumber(country, digits, extension, display), PhoneProblem.None);
    }

    private static string? CountryCodeOf(string digits)
    {
        if (digits.Length == 0) return null;
        if (digits[0] is '1' or '7') return digits[..1];
        if (digits.Length >= 2 && TwoDigitCodes.Contains(digits[..2])) return digits[..2];
        if (digits.Length >= 3 && ThreeDigitCodes.Contains(digits[..3])) return digits[..3];
        return null;
    }

    /// <summary>Drops the first <paramref name="count"/> digits from the typed groups, keeping the rest's grouping.</summary>
    private static List<string> RemovePrefix(List<string> groups, int count)
    {
        var result = new List<string>();
        foreach (var group in groups)
        {
            if (count >= group.Length)
            {
                count -= group.Length;
                continue;
            }
            result.Add(group[count..]);
            count = 0;
        }
        return result;
    }

    private static HashSet<string> BuildThreeDigitCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal)
        {
            "211", "212", "213", "216", "218", "290", "291", "297", "298", "299", "420", "421", "423",
            "670", "672", "673", "674", "675", "676", "677", "678", "679", "680", "681", "682", "683", "685", "686",
            "687", "688", "689", "690", "691", "692", "800", "808", "850", "852", "853", "855", "856", "870", "878",
            "880", "881", "882", "883", "886", "888", "979", "998",
        };
        void Range(int from, int to)
        {
            for (var c = from; c <= to; c++) codes.Add(c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        Range(220, 258);
        Range(260, 269);
        Range(350, 359);
        Range(370, 383);
        codes.Remove("384");
        Range(385, 387);
        codes.Add("389");
        Range(500, 509);
        Range(590, 599);
        Range(960, 968);
        Range(970, 977);
        Range(992, 996);
        return codes;
    }
}

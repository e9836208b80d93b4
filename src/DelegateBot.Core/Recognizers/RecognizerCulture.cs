using System.Globalization;

namespace DelegateBot.Core.Recognizers;

/// <summary>The two languages the recognisers understand; other locales fall back to English words.</summary>
public enum RecognizerLanguage
{
    English,
    French,
}

/// <summary>
/// What a locale changes for recognition: the language of replies, whether "02/03/2007" is day-first,
/// and the decimal separator. Words are recognised in both languages whatever the locale, because
/// delegates switch language freely ("oui", "2 March").
/// </summary>
public sealed record RecognizerCulture(string Name, RecognizerLanguage Language, bool DayFirst, char DecimalSeparator)
{
    public static readonly RecognizerCulture English = From("en-US");
    public static readonly RecognizerCulture French = From("fr-FR");

    /// <summary>Builds the culture of a Bot Framework locale ("fr-CH", "en-GB", "en"); null or unknown means en-US.</summary>
    public static RecognizerCulture From(string? locale)
    {
        CultureInfo culture;
        try
        {
            culture = string.IsNullOrWhiteSpace(locale) ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo(locale.Trim());
        }
        catch (CultureNotFoundException)
        {
            culture = CultureInfo.GetCultureInfo("en-US");
        }
        var language = culture.TwoLetterISOLanguageName == "fr" ? RecognizerLanguage.French : RecognizerLanguage.English;
        // The culture's own short date pattern says which comes first (en-US "M/d/yyyy", en-GB "dd/MM/yyyy").
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var dayIndex = pattern.IndexOf('d', StringComparison.Ordinal);
        var monthIndex = pattern.IndexOf('M', StringComparison.Ordinal);
        // Year-first patterns (fr-CA, en-CA "yyyy-MM-dd") say nothing about d/m order: use the language's habit.
        var yearFirst = pattern.TrimStart().StartsWith('y');
        var dayFirst = dayIndex >= 0 && monthIndex >= 0 && !yearFirst ? dayIndex < monthIndex : language == RecognizerLanguage.French;
        var decimalSeparator = culture.NumberFormat.NumberDecimalSeparator is [var sep] ? sep : '.';
        return new RecognizerCulture(culture.Name, language, dayFirst, decimalSeparator);
    }
}

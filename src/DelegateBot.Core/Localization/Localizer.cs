using System.Globalization;

namespace DelegateBot.Core.Localization;

/// <summary>
/// The bot's texts in one culture, as a turn (or a push to one conversation) uses them: <c>t.Get("answer.notFound")</c>,
/// <c>t.Date(day)</c>. Dates and times follow the patterns of the language's file (format.date, format.time).
/// </summary>
public sealed record Localizer(IBotText Text, CultureInfo Culture)
{
    public static Localizer EnglishDefault => new(BotText.Default, CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>"fr", "en": the language the texts are in.</summary>
    public string Language => Culture.TwoLetterISOLanguageName;

    public bool IsFrench => Language == "fr";

    public string Get(string key, params (string Name, object? Value)[] args) => Text.Get(key, Culture, args);

    /// <summary>A calendar date the way the language writes it ("19 May 2011", "19 mai 2011").</summary>
    public string Date(DateOnly date) => date.ToString(Text.Get("format.date", Culture), Culture);

    public string Date(DateTime date) => Date(DateOnly.FromDateTime(date));

    /// <summary>A time of day the way the language writes it ("15:00", "15 h 00").</summary>
    public string Time(TimeOnly time) => time.ToString(Text.Get("format.time", Culture), Culture);

    public string Time(DateTime time) => Time(TimeOnly.FromDateTime(time));

    /// <summary>A date with its time ("19 May 2011, 15:00", "19 mai 2011 à 15 h 00").</summary>
    public string DateTime(DateTime value) =>
        Get("format.dateTime", ("date", Date(value)), ("time", Time(value)));

    /// <summary>A list written as the language does ("A, B and C", "A, B et C").</summary>
    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => Get("format.list", ("items", string.Join(Get("format.listSeparator"), items.Take(items.Count - 1))), ("last", items[^1])),
    };
}

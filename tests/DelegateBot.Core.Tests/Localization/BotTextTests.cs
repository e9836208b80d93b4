using System.Globalization;
using System.Text.RegularExpressions;
using DelegateBot.Core.Localization;

namespace DelegateBot.Core.Tests.Localization;

public sealed partial class BotTextTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("delegatebot-locales-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void Every_key_of_every_shipped_language_is_an_English_key_with_the_same_placeholders()
    {
        var text = BotText.Default;
        Assert.Contains("fr", text.Languages);
        Assert.Equal("en", text.Languages[0]);
        Assert.Empty(text.Check());
    }

    [Fact]
    public void French_translates_every_English_key()
    {
        // Not required of a new language (English fills in), but French is a language we promise complete.
        var files = BotText.Default.Files;
        var missing = files["en"].Texts.Keys.Except(files["fr"].Texts.Keys).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_key_the_code_asks_for_is_in_English()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root != null && !File.Exists(Path.Combine(root.FullName, "DelegateBot.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var english = BotText.Default.Files["en"].Texts;
        var used = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();
        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !english.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    // t.Get("answer.source", ...) and friends: a dotted key in a call of Get.
    [GeneratedRegex(@"\.Get\(""([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)""")]
    private static partial Regex KeyUse();

    [Fact]
    public void Texts_are_filled_by_name_with_literal_braces_kept()
    {
        Write("en", "greeting: \"Hello {name}, {{not a placeholder}}\"\n");
        var text = new BotText(_folder);
        Assert.Equal("Hello Ana, {not a placeholder}", text.Get("greeting", En, ("name", "Ana")));
    }

    [Fact]
    public void A_missing_translation_falls_back_to_English_and_a_region_to_its_language()
    {
        Write("en", "a: one\nb: two\ngroup:\n  c: three {x}\n");
        Write("fr", "a: un\ngroup:\n  c: trois {x}\n");
        Write("fr-CA", "a: un (Canada)\n");
        var text = new BotText(_folder);

        Assert.Equal("un", text.Get("a", Fr));
        Assert.Equal("two", text.Get("b", Fr));
        Assert.Equal("trois 3", text.Get("group.c", Fr, ("x", 3)));
        Assert.Equal("un (Canada)", text.Get("a", CultureInfo.GetCultureInfo("fr-CA")));
        Assert.Equal("trois 3", text.Get("group.c", CultureInfo.GetCultureInfo("fr-CA"), ("x", 3)));
        Assert.Equal("one", text.Get("a", CultureInfo.GetCultureInfo("de-DE")));
    }

    [Fact]
    public void A_translation_with_other_placeholders_is_reported_and_English_is_said_instead()
    {
        Write("en", "hello: \"Hello {name}\"\n");
        Write("fr", "hello: \"Bonjour {nom}\"\nextra: \"de trop\"\n");
        var text = new BotText(_folder);

        Assert.Equal("Hello Ana", text.Get("hello", Fr, ("name", "Ana")));
        Assert.Equal(2, text.Check().Count);
        Assert.Contains(text.Check(), p => p.Contains("'hello'") && p.Contains("{nom}") && p.Contains("{name}"));
        Assert.Contains(text.Check(), p => p.Contains("'extra'"));
    }

    [Fact]
    public void A_third_language_is_a_new_file()
    {
        File.Copy(Path.Combine(BotText.DefaultFolder, "en.yaml"), Path.Combine(_folder, "en.yaml"));
        Write("es", "language:\n  words: hola dónde cuándo quién está es la el\n  letters: ñ\n  culture: es-ES\nwelcome:\n  greeting: \"¡Hola! {introduction}\"\n");
        var text = new BotText(_folder);
        var spanish = text.Match("es");

        Assert.Equal("es-ES", spanish?.Name);
        Assert.Equal("¡Hola! x", text.Get("welcome.greeting", spanish!, ("introduction", "x")));
        Assert.Equal("es", new LanguageDetector(text).Detect("hola, ¿dónde está la sala?"));
    }

    [Fact]
    public void Only_languages_with_a_file_are_matched()
    {
        var text = BotText.Default;
        Assert.Equal("fr-CH", text.Match("fr-CH")?.Name);
        Assert.Equal("fr-FR", text.Match("fr")?.Name);
        Assert.Equal("en-US", text.Match("en-US")?.Name);
        Assert.Null(text.Match("de-DE"));
        Assert.Null(text.Match("not a culture!"));
        Assert.Null(text.Match(null));
    }

    [Fact]
    public void A_folder_without_English_is_refused_with_the_file_it_needs()
    {
        Write("fr", "a: un\n");
        var e = Assert.Throws<FileNotFoundException>(() => new BotText(_folder));
        Assert.Contains("en.yaml", e.Message);
    }

    [Fact]
    public void A_broken_file_is_refused_with_its_path_and_line()
    {
        Write("en", "a: one\nb: [one, two]\n");
        var e = Assert.Throws<InvalidDataException>(() => new BotText(_folder));
        Assert.Contains("en.yaml", e.Message);
        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Dates_and_times_are_written_the_way_each_language_does()
    {
        var fr = new Localizer(BotText.Default, Fr);
        var en = new Localizer(BotText.Default, En);
        var when = new DateTime(2011, 5, 19, 15, 0, 0);

        Assert.Equal("19 mai 2011", fr.Date(when));
        Assert.Equal("15 h 00", fr.Time(when));
        Assert.Equal("19 mai 2011 à 15 h 00", fr.DateTime(when));
        Assert.Equal("19 May 2011", en.Date(when));
        Assert.Equal("15:00", en.Time(when));
        Assert.Equal("A, B et C", fr.List(["A", "B", "C"]));
        Assert.Equal("A and B", en.List(["A", "B"]));
    }

    private void Write(string culture, string yaml) => File.WriteAllText(Path.Combine(_folder, culture + ".yaml"), yaml);
}

namespace DelegateBot.Localization;

/// <summary>The <c>Localization</c> section: where the locale files are and the language of last resort.</summary>
public sealed class LocalizationOptions
{
    public const string SectionName = "Localization";

    /// <summary>The folder of en.yaml, fr.yaml...; empty means the files shipped beside the binary (locales/).</summary>
    public string? Path { get; set; }

    /// <summary>The language when neither the channel, the message nor the conversation tells one.</summary>
    public string DefaultLanguage { get; set; } = "en";
}

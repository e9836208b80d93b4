using System.Globalization;
using System.Numerics;

namespace DelegateBot.BotFramework.Dialogs.Prompts;

/// <summary>Any non-empty text (SDK: TextPrompt).</summary>
public sealed class TextPrompt(string dialogId, PromptValidator<string>? validator = null)
    : RecognizerPrompt<string>(dialogId, input => PromptRecognizerResult<string>.Success(input.Text), validator);

/// <summary>
/// A number (SDK: NumberPrompt&lt;T&gt;). The recogniser reads it as a decimal ("twelve", "1 000", "douze");
/// a value that does not fit <typeparamref name="T"/> (a fraction for an int) is not accepted.
/// </summary>
public sealed class NumberPrompt<T>(string dialogId, InputRecognizer<decimal> recognizer, PromptValidator<T>? validator = null)
    : RecognizerPrompt<T>(dialogId, input => Convert(recognizer(input)), validator)
    where T : INumber<T>
{
    private static PromptRecognizerResult<T> Convert(PromptRecognizerResult<decimal> result)
    {
        if (!result.Succeeded) return PromptRecognizerResult<T>.Failure(result.Error);
        try
        {
            var value = T.CreateChecked(result.Value);
            if (decimal.CreateChecked(value) != result.Value) return PromptRecognizerResult<T>.Failure(result.Error);
            return PromptRecognizerResult<T>.Success(value, result.Alternatives.Select(T.CreateSaturating).Where(a => a != value).ToList());
        }
        catch (OverflowException)
        {
            return PromptRecognizerResult<T>.Failure(result.Error);
        }
    }
}

/// <summary>
/// A calendar date (SDK: DateTimePrompt, which returns resolutions; ours returns the date the recogniser
/// settled on, with other readings as alternatives). Ambiguous dates are asked back with the weekday
/// ("Did you mean Friday, March 2, 2007 or Saturday, February 3, 2007?").
/// </summary>
public sealed class DateTimePrompt(string dialogId, InputRecognizer<DateOnly> recognizer, PromptValidator<DateOnly>? validator = null)
    : RecognizerPrompt<DateOnly>(dialogId, recognizer, validator)
{
    protected override string FormatValue(DateOnly value, string locale)
    {
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            culture = CultureInfo.GetCultureInfo("en-US");
        }
        return value.ToString("D", culture);
    }
}

/// <summary>An email address, returned normalised by the recogniser (not in the SDK).</summary>
public sealed class EmailPrompt(string dialogId, InputRecognizer<string> recognizer, PromptValidator<string>? validator = null)
    : RecognizerPrompt<string>(dialogId, recognizer, validator);

/// <summary>A phone number, returned in the recogniser's display form (not in the SDK).</summary>
public sealed class PhoneNumberPrompt(string dialogId, InputRecognizer<string> recognizer, PromptValidator<string>? validator = null)
    : RecognizerPrompt<string>(dialogId, recognizer, validator);

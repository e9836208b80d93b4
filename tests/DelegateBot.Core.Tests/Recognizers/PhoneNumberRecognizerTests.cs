using DelegateBot.Core.Recognizers;

namespace DelegateBot.Core.Tests.Recognizers;

public class PhoneNumberRecognizerTests
{
    [Theory]
    [InlineData("(212) 963-3021", "1", "+12129633021", null, "+1 212 963 3021")]
    [InlineData("212.963.3021", "1", "+12129633021", null, "+1 212 963 3021")]
    [InlineData("1-212-963-3021", "1", "+12129633021", null, "+1 212 963 3021")]
    [InlineData("(212) 963-3021 ext. 9196", "1", "+12129633021", "9196", "+1 212 963 3021 ext. 9196")]
    [InlineData("212 963 3021 x12", "1", "+12129633021", "12", "+1 212 963 3021 ext. 12")]
    [InlineData("+41 22 917 12 34", null, "+41229171234", null, "+41 22 917 12 34")]
    [InlineData("+41 (0)22 917 12 34", null, "+41229171234", null, "+41 22 917 12 34")]
    [InlineData("0041 22 917 12 34", null, "+41229171234", null, "+41 22 917 12 34")]
    [InlineData("011 41 22 917 12 34", "1", "+41229171234", null, "+41 22 917 12 34")]
    [InlineData("022 917 12 34", "41", "+41229171234", null, "+41 22 917 12 34")]
    [InlineData("01 23 45 67 89 poste 12", "33", "+33123456789", "12", "+33 1 23 45 67 89 ext. 12")]
    [InlineData("+33 1 23 45 67 89", "1", "+33123456789", null, "+33 1 23 45 67 89")]
    [InlineData("+44 20 7946 0958", null, "+442079460958", null, "+44 20 7946 0958")]
    [InlineData("+250 788 123 456", null, "+250788123456", null, "+250 788 123 456")]
    [InlineData("+1 (212) 963-3021 extension 4", null, "+12129633021", "4", "+1 212 963 3021 ext. 4")]
    [InlineData("my number is +41 22 917 12 34, thanks", null, "+41229171234", null, "+41 22 917 12 34")]
    public void International_and_national_forms(string text, string? defaultCountry, string e164, string? extension, string display)
    {
        var result = PhoneNumberRecognizer.Recognize(text, defaultCountry);
        Assert.True(result.Succeeded, result.Problem.ToString());
        Assert.Equal(e164, result.Number!.E164);
        Assert.Equal(extension, result.Number.Extension);
        Assert.Equal(display, result.Number.Display);
    }

    [Fact]
    public void A_national_number_without_a_default_country_keeps_its_digits()
    {
        var result = PhoneNumberRecognizer.Recognize("022 917 12 34");
        Assert.True(result.Succeeded);
        Assert.Null(result.Number!.CountryCode);
        Assert.Equal("0229171234", result.Number.E164);
        Assert.Equal("022 917 12 34", result.Number.Display);
    }

    [Theory]
    [InlineData("", PhoneProblem.NoDigits)]
    [InlineData("call me", PhoneProblem.NoDigits)]
    [InlineData("12345", PhoneProblem.TooShort)]
    [InlineData("963-3021", PhoneProblem.TooShort)]
    [InlineData("+41 22 917 12 34 56 78 90 12", PhoneProblem.TooLong)]
    [InlineData("+999 123 456 789", PhoneProblem.UnknownCountryCode)]
    public void Unusable_numbers_say_why(string text, PhoneProblem problem)
    {
        var result = PhoneNumberRecognizer.Recognize(text, "1");
        Assert.False(result.Succeeded);
        Assert.Equal(problem, result.Problem);
    }
}

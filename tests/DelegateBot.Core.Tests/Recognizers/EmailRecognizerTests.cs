using DelegateBot.Core.Recognizers;

namespace DelegateBot.Core.Tests.Recognizers;

public class EmailRecognizerTests
{
    [Theory]
    [InlineData("jane.doe@un.org", "jane.doe@un.org")]
    [InlineData("  Jane.Doe@UN.ORG ", "jane.doe@un.org")]
    [InlineData("my email is jane.doe@un.org.", "jane.doe@un.org")]
    [InlineData("mon courriel : marie-claire.dupont@diplomatie.gouv.fr", "marie-claire.dupont@diplomatie.gouv.fr")]
    [InlineData("mailto:s.rosengartner@unitar.org", "s.rosengartner@unitar.org")]
    [InlineData("Sarah <sarah@unitar.org>", "sarah@unitar.org")]
    [InlineData("first+seminar@mission.example.ch", "first+seminar@mission.example.ch")]
    [InlineData("o'brien@un.org", "o'brien@un.org")]
    [InlineData("delegate@exämple.ch", "delegate@xn--exmple-cua.ch")]
    [InlineData("x@sub-domain.mission.int", "x@sub-domain.mission.int")]
    public void Valid_addresses_are_normalised(string text, string expected)
    {
        var result = EmailRecognizer.Recognize(text);
        Assert.True(result.Succeeded, result.Problem.ToString());
        Assert.Equal(expected, result.Address);
    }

    [Theory]
    [InlineData("", EmailProblem.NotAnAddress)]
    [InlineData("jane.doe", EmailProblem.NotAnAddress)]
    [InlineData("jane at un dot org", EmailProblem.NotAnAddress)]
    [InlineData("@un.org", EmailProblem.InvalidLocalPart)]
    [InlineData("jane..doe@un.org", EmailProblem.InvalidLocalPart)]
    [InlineData(".jane@un.org", EmailProblem.InvalidLocalPart)]
    [InlineData("jane@", EmailProblem.InvalidDomain)]
    [InlineData("jane@un", EmailProblem.InvalidDomain)]
    [InlineData("jane@un.o", EmailProblem.InvalidDomain)]
    [InlineData("jane@-un.org", EmailProblem.InvalidDomain)]
    [InlineData("jane@un..org", EmailProblem.InvalidDomain)]
    [InlineData("jane@un_org.com", EmailProblem.InvalidDomain)]
    public void Invalid_addresses_say_what_is_wrong(string text, EmailProblem problem)
    {
        var result = EmailRecognizer.Recognize(text);
        Assert.False(result.Succeeded);
        Assert.Equal(problem, result.Problem);
        Assert.Null(result.Address);
    }

    [Fact]
    public void Overlong_local_part_is_refused()
        => Assert.Equal(EmailProblem.TooLong, EmailRecognizer.Recognize(new string('a', 65) + "@un.org").Problem);

    [Theory]
    [InlineData("jane@gmial.com", "jane@gmail.com")]
    [InlineData("jane@hotmal.com", "jane@hotmail.com")]
    [InlineData("jane@un.orgg", "jane@un.org")]
    public void Common_domain_typos_get_a_suggestion(string text, string suggestion)
        => Assert.Equal(suggestion, EmailRecognizer.Recognize(text).Suggestion);

    [Fact]
    public void Correct_common_domains_get_no_suggestion()
        => Assert.Null(EmailRecognizer.Recognize("jane@gmail.com").Suggestion);
}

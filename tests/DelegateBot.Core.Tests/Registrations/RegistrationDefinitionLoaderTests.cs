using DelegateBot.Core.Registrations.Definition;

namespace DelegateBot.Core.Tests.Registrations;

public class RegistrationDefinitionLoaderTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "DelegateBot.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }

    [Fact]
    public void The_shipped_registration_file_is_valid_and_asks_the_nomination_form()
    {
        var definition = RegistrationDefinitionLoader.LoadFile(RepoFile("dialogs", "registration.yaml"));
        Assert.Equal(["fullName", "title", "organisation", "committee", "email", "phone", "sessions", "interpretation", "notes"], definition.Steps.Select(s => s.Id));
        var sessions = definition.FindStep("sessions")!;
        Assert.Equal(StepType.MultiChoice, sessions.Type);
        Assert.Equal(ChoiceSources.MeetingSessions, sessions.ChoicesSource);
        Assert.Equal(1, sessions.Validation.MinChoices);
        Assert.True(definition.FindStep("phone")!.Optional);
        Assert.True(definition.FindStep("title")!.AllowOther);
        Assert.Equal("Nom complet", definition.FindStep("fullName")!.Label.For("fr-FR"));
        Assert.Equal(3, definition.MaxAttempts);
        Assert.Matches("^[0-9a-f]{16}$", definition.Hash);
        Assert.Contains("{contact}", definition.Message("nextSteps").En);
    }

    private const string Minimal = """
        steps:
          - id: name
            type: text
            label: Name
            prompt: { en: "Your name?", fr: "Votre nom ?" }
        """;

    [Fact]
    public void Texts_fall_back_to_english_and_defaults_fill_missing_messages()
    {
        var definition = RegistrationDefinitionLoader.Parse(Minimal, "test.yaml");
        var step = Assert.Single(definition.Steps);
        Assert.Equal("Name", step.Label.For("fr-FR"));
        Assert.Equal("Votre nom ?", step.Prompt.For("fr-CH"));
        Assert.Equal("Your name?", step.Prompt.For("en-GB"));
        Assert.Equal(DefinitionDefaults.Messages["cancelled"], definition.Message("cancelled"));
        Assert.Equal(DefinitionDefaults.SkipWords, definition.SkipWords);
    }

    [Fact]
    public void The_hash_follows_meaning_not_layout()
    {
        var a = RegistrationDefinitionLoader.Parse(Minimal, "a.yaml");
        var b = RegistrationDefinitionLoader.Parse("# a comment\n\n" + Minimal.Replace("Votre nom ?", "Votre nom ?", StringComparison.Ordinal), "b.yaml");
        var c = RegistrationDefinitionLoader.Parse(Minimal.Replace("Your name?", "Your full name?", StringComparison.Ordinal), "c.yaml");
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
    }

    [Theory]
    [InlineData("steps: []", null, "'steps:' must be a non-empty list")]
    [InlineData("- just a list", null, "must be a mapping")]
    [InlineData("steps:\n  - id: a\n    type: text\n    label: A\n    prompt: [", null, "is not valid YAML")]
    [InlineData("steps:\n  - id: name\n    type: txt\n    label: Name\n    prompt: Hi", "name", "type 'txt' is not one of text, email, phone, choice, multi-choice, confirm, date, number")]
    [InlineData("steps:\n  - id: name\n    type: text\n    label: Name", "name", "has no 'prompt:'")]
    [InlineData("steps:\n  - type: text\n    label: Name\n    prompt: Hi", "#1", "has no 'id:'")]
    [InlineData("steps:\n  - id: 1st\n    type: text\n    label: Name\n    prompt: Hi", "1st", "must start with a letter")]
    [InlineData("steps:\n  - id: a\n    type: text\n    label: A\n    prompt: Hi\n  - id: A\n    type: text\n    label: B\n    prompt: Hi", "A", "ids must be unique")]
    [InlineData("steps:\n  - id: a\n    type: text\n    label: A\n    promt: Hi", "a", "unknown key 'promt' at a step; did you mean 'prompt'?")]
    [InlineData("steps:\n  - id: s\n    type: choice\n    label: S\n    prompt: Hi", "s", "needs 'choices:'")]
    [InlineData("steps:\n  - id: s\n    type: choice\n    label: S\n    prompt: Hi\n    choicesSource: meeting.rooms", "s", "choicesSource 'meeting.rooms' is not one of meeting.sessions, meeting.interpretation")]
    [InlineData("steps:\n  - id: s\n    type: text\n    label: S\n    prompt: Hi\n    choices: [a, b]", "s", "only choice and multi-choice steps have 'choices:'")]
    [InlineData("steps:\n  - id: s\n    type: choice\n    label: S\n    prompt: Hi\n    choices: [a, A]", "s", "the choice 'A' is listed twice")]
    [InlineData("steps:\n  - id: s\n    type: text\n    label: S\n    prompt: Hi\n    validation: { pattern: '([' }", "s", "not a valid regular expression")]
    [InlineData("steps:\n  - id: s\n    type: text\n    label: S\n    prompt: Hi\n    validation: { minLength: 9, maxLength: 2 }", "s", "minLength is greater than maxLength")]
    [InlineData("steps:\n  - id: s\n    type: email\n    label: S\n    prompt: Hi\n    validation: { minChoices: 1 }", "s", "apply to multi-choice steps only")]
    [InlineData("steps:\n  - id: s\n    type: text\n    label: S\n    prompt: Hi\n    optional: yes please", "s", "'optional' must be true or false")]
    [InlineData("steps:\n  - id: s\n    type: text\n    label: S\n    prompt: \"Hello {meting}\"", "s", "unknown placeholder {meting}")]
    [InlineData("steps:\n  - id: s\n    type: text\n    label: S\n    prompt: { fr: Bonjour }", "s", "needs an English text under 'en:'")]
    [InlineData("maxAttempts: 0\nsteps:\n  - id: s\n    type: text\n    label: S\n    prompt: Hi", null, "'maxAttempts' must be a whole number from 1 to 10")]
    [InlineData("messages:\n  hello: Hi\nsteps:\n  - id: s\n    type: text\n    label: S\n    prompt: Hi", null, "unknown key 'hello' at messages")]
    [InlineData("stepz: []", null, "unknown key 'stepz' at top level; did you mean 'steps'?")]
    public void Problems_are_reported_with_file_line_and_step(string yaml, string? step, string problem)
    {
        var ex = Assert.Throws<RegistrationDefinitionException>(() => RegistrationDefinitionLoader.Parse(yaml, "dialogs/registration.yaml"));
        var error = Assert.Single(ex.Errors, e => e.Problem.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(step, error.Step);
        Assert.Equal("dialogs/registration.yaml", error.File);
        Assert.Contains(problem, ex.Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_line()
    {
        const string yaml = """
            steps:
              - id: name
                type: txt
                label: Name
                prompt: Hi
              - id: email
                type: email
                prompt: Hi
            """;
        var ex = Assert.Throws<RegistrationDefinitionException>(() => RegistrationDefinitionLoader.Parse(yaml, "r.yaml"));
        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal("r.yaml, line 3, step 'name': type 'txt' is not one of text, email, phone, choice, multi-choice, confirm, date, number.", ex.Errors[0].ToString());
        Assert.Equal("r.yaml, line 6, step 'email': has no 'label:'.", ex.Errors[1].ToString());
    }

    [Fact]
    public void A_missing_file_is_a_clear_error()
    {
        var ex = Assert.Throws<RegistrationDefinitionException>(() => RegistrationDefinitionLoader.LoadFile("/nonexistent/registration.yaml"));
        Assert.Contains("cannot be read", Assert.Single(ex.Errors).Problem);
    }
}

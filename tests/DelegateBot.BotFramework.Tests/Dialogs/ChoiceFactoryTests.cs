using DelegateBot.BotFramework.Dialogs.Choices;
using DelegateBot.BotFramework.Dialogs.Prompts;
using DelegateBot.BotFramework.Schema;

namespace DelegateBot.BotFramework.Tests.Dialogs;

public class ChoiceFactoryTests
{
    private static List<Choice> Choices(params string[] values) => values.Select(v => new Choice(v)).ToList();

    [Theory]
    [InlineData(new[] { "A" }, "en", "(1) A")]
    [InlineData(new[] { "A", "B" }, "en", "(1) A or (2) B")]
    [InlineData(new[] { "A", "B", "C" }, "en", "(1) A, (2) B, or (3) C")]
    [InlineData(new[] { "A", "B", "C" }, "fr", "(1) A, (2) B ou (3) C")]
    public void Inline_joins_with_the_languages_or(string[] values, string locale, string expected)
        => Assert.Equal(expected, ChoiceFactory.InlineText(Choices(values), PromptCulture.For(locale).ChoiceOptions()));

    [Fact]
    public void Long_choices_become_a_list_and_many_choices_get_no_buttons()
    {
        var many = Choices(Enumerable.Range(1, 11).Select(i => $"Permanent Mission number {i}").ToArray());
        var activity = ChoiceFactory.ForStyle(ListStyle.Auto, many, Activity.CreateMessageActivity("Which mission?"));
        Assert.StartsWith("Which mission?\n\n1. Permanent Mission number 1\n2.", activity.Text);
        Assert.Null(activity.SuggestedActions);
    }

    [Fact]
    public void Rendering_leaves_the_prompt_untouched_and_keeps_its_attachments()
    {
        var prompt = Activity.CreateMessageActivity("Pick");
        prompt.Attachments = [new Attachment { ContentType = "text/plain", Content = "x" }];
        var activity = ChoiceFactory.ForStyle(ListStyle.Inline, Choices("A", "B"), prompt);
        Assert.Equal("Pick (1) A or (2) B", activity.Text);
        Assert.Equal("Pick", prompt.Text);
        Assert.Single(activity.Attachments!);
    }

    [Fact]
    public void A_choice_can_carry_its_own_button()
    {
        var choice = new Choice("Session 1") { Action = new CardAction { Type = "imBack", Title = "First session", Value = "Session 1" } };
        var activity = ChoiceFactory.SuggestedAction([choice], "Pick");
        Assert.Equal("First session", Assert.Single(activity.SuggestedActions!.Actions!).Title);
    }
}

using DelegateBot.Core.Registrations;

namespace DelegateBot.Core.Tests.Registrations;

public class FlowCommandsTests
{
    [Theory]
    [InlineData("cancel", FlowCommand.Cancel)]
    [InlineData("Cancel please", FlowCommand.Cancel)]
    [InlineData("cancel my registration", FlowCommand.Cancel)]
    [InlineData("stop", FlowCommand.Cancel)]
    [InlineData("annuler", FlowCommand.Cancel)]
    [InlineData("annuler mon inscription", FlowCommand.Cancel)]
    [InlineData("help", FlowCommand.Help)]
    [InlineData("?", FlowCommand.Help)]
    [InlineData("I need help", FlowCommand.Help)]
    [InlineData("aide-moi", FlowCommand.Help)]
    [InlineData("back", FlowCommand.Back)]
    [InlineData("go back", FlowCommand.Back)]
    [InlineData("previous question", FlowCommand.Back)]
    [InlineData("retour", FlowCommand.Back)]
    [InlineData("start over", FlowCommand.StartOver)]
    [InlineData("let's start again", FlowCommand.StartOver)]
    [InlineData("recommencer", FlowCommand.StartOver)]
    [InlineData("Amina Diallo", FlowCommand.None)]
    [InlineData("Please help me find parking", FlowCommand.None)]
    [InlineData("Back office of the Mission", FlowCommand.None)]
    [InlineData("", FlowCommand.None)]
    public void Commands_said_at_any_step(string text, FlowCommand expected) => Assert.Equal(expected, FlowCommands.Recognize(text));

    [Theory]
    [InlineData("Where will the seminar be held?", true)]
    [InlineData("where is the seminar", true)]
    [InlineData("Où a lieu le séminaire ?", true)]
    [InlineData("Is there interpretation?", true)]
    [InlineData("Amina Diallo", false)]
    [InlineData("First Secretary", false)]
    [InlineData("yes?", false)]
    [InlineData("what", false)]
    public void Questions_asked_in_the_middle_of_a_form(string text, bool expected) => Assert.Equal(expected, FlowCommands.IsQuestion(text));

    private static readonly IReadOnlyList<(string StepId, IReadOnlyList<string> Names)> Fields =
    [
        ("fullName", ["Full name", "Full name", "Nom complet"]),
        ("email", ["Email", "Email", "E-mail"]),
        ("phone", ["Phone", "Phone", "Téléphone"]),
    ];

    [Theory]
    [InlineData("confirm", SummaryAction.Confirm, null)]
    [InlineData("yep", SummaryAction.Confirm, null)]
    [InlineData("oui", SummaryAction.Confirm, null)]
    [InlineData("looks good", SummaryAction.Confirm, null)]
    [InlineData("change email", SummaryAction.Change, "email")]
    [InlineData("change my phone", SummaryAction.Change, "phone")]
    [InlineData("modifier le nom complet", SummaryAction.Change, "fullName")]
    [InlineData("change", SummaryAction.Change, null)]
    [InlineData("email", SummaryAction.Change, "email")]
    [InlineData("no", SummaryAction.Decline, null)]
    [InlineData("non", SummaryAction.Decline, null)]
    [InlineData("banana", SummaryAction.None, null)]
    public void Replies_to_the_summary(string text, SummaryAction action, string? stepId)
        => Assert.Equal(new SummaryReply(action, stepId), FlowCommands.ReadSummaryReply(text, Fields));
}

namespace DelegateBot.Core.Agenda;

/// <summary>A chair, panelist or speaker as the programme lists them.</summary>
/// <param name="Name">Name with honorific ("H.E. Ms. Lorena Escudero").</param>
/// <param name="Role">Function and organisation ("National Secretary for Migrants, Ecuador"), if given.</param>
public sealed record Person(string Name, string? Role = null)
{
    /// <summary>The programme marks the participation "(TBC)".</summary>
    public bool ToBeConfirmed { get; init; }

    public override string ToString() =>
        (Role is null ? Name : $"{Name}, {Role}") + (ToBeConfirmed ? " (to be confirmed)" : "");
}

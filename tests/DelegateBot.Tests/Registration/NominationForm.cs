namespace DelegateBot.Tests.Registration;

/// <summary>Transcript parts several conversations share.</summary>
internal static class NominationForm
{
    /// <summary>"I want to register" with one meeting open: the introduction and the first question.</summary>
    public const string ToTheName = """
        user: I want to register
        bot:  Let's register you
        bot:  What is your full name
        """;

    /// <summary>The name, the given title and the mission answered, up to the committee question.</summary>
    public static string NameToTheCommittee(string title) => $"""
        user: Amina Diallo
        bot:  What is your title
        user: {title}
        bot:  Which Permanent Mission
        user: Permanent Mission of Senegal
        bot:  Which committee
        """;

    /// <summary>The nomination form answered in full, up to the summary by Amina Diallo.</summary>
    public const string UpToTheSummary = """
        user: I want to register
        bot:  Let's register you for Migration and Development Series Seminar on Building Partnerships | 7 March 2007
            | Conference Room 9, United Nations Headquarters, New York | I will ask 9 questions | help, back, start over or cancel
        bot:  What is your full name (as it should appear on your badge)?
        user: Amina Diallo
        bot:  What is your title or function? | 1. Ambassador | 4. First Secretary | 8. Expert | [Ambassador]
        user: first secretary
        bot:  Which Permanent Mission or organisation do you represent?
        user: Permanent Mission of Senegal
        bot:  Which committee do you cover, or what is your role? | 1. Second Committee | 3. Migration focal point
        user: C2
        bot:  What email address should we use to contact you?
        user: Amina.Diallo@Senegal-Mission.org
        bot:  What phone number can we reach you on? | (optional: type skip to leave it blank)
        user: (212) 963-3021
        bot:  Which sessions will you attend? | 1. First session | 2. Second session | 3. Third session
        user: 1 and 3
        bot:  Will you need interpretation? | 1. French
        user: French
        bot:  Anything else the organisers should know | (optional
        user: skip
        bot:  Type confirm to register, or change and a field to edit it | Please check your registration for Migration and Development Series Seminar on Building Partnerships
            | "Full name" | "Amina Diallo" | "First Secretary" | "Permanent Mission of Senegal" | "Second Committee"
            | "amina.diallo@senegal-mission.org" | "+1 212 963 3021" | "First session, Third session" | "French" | "Notes" | "(none)"
            | [Confirm] [Change]
        """;

}

namespace DelegateBot.Teams;

/// <summary>
/// What the Teams app package says about the bot (configuration section <c>TeamsApp</c>). The bot's id is the
/// top-level MicrosoftAppId; the developer's name and https links are the organiser's and have no default.
/// </summary>
public sealed class TeamsAppOptions
{
    public const string SectionName = "TeamsApp";

    /// <summary>The Teams app's own id (a GUID); empty = the bot's MicrosoftAppId, as Teams Toolkit does for a bot-only app.</summary>
    public string? Id { get; set; }

    /// <summary>The package version (x.y.z); raise it for each upload of a changed package.</summary>
    public string Version { get; set; } = "1.0.0";

    public string ShortName { get; set; } = "DelegateBot";
    public string FullName { get; set; } = "DelegateBot, the delegates' assistant";
    public string ShortDescription { get; set; } = "Answers delegates' questions from the meeting documents, with sources.";

    public string FullDescription { get; set; } =
        "DelegateBot answers questions about the meetings on international migration and development from the official " +
        "documents, citing the document and paragraph of every answer. It knows the agenda (sessions, chairs, panelists, " +
        "deadlines), walks delegates through registration, and reminds subscribers of each session's key questions.";

    /// <summary>The colour behind the colour icon, #RRGGBB.</summary>
    public string AccentColor { get; set; } = "#009EDB";

    public TeamsDeveloper Developer { get; set; } = new();

    /// <summary>Host names the app may open in Teams (no scheme), e.g. the bot's own host; may be empty.</summary>
    public List<string> ValidDomains { get; set; } = [];

    /// <summary>Sample questions Teams offers in the compose box; the defaults replace an empty list.</summary>
    public List<TeamsCommand> Commands { get; set; } = [];

    public static IReadOnlyList<TeamsCommand> DefaultCommands { get; } =
    [
        new() { Title = "Who chairs panel two?", Description = "Ask about a session: chair, panelists, time and room" },
        new() { Title = "When is the seminar?", Description = "Dates and venues of the meetings, with their source" },
        new() { Title = "List the deadlines", Description = "Registration and submission deadlines" },
        new() { Title = "I want to register", Description = "Register for a meeting, step by step" },
        new() { Title = "help", Description = "What the bot can do" },
    ];
}

public sealed class TeamsDeveloper
{
    public string? Name { get; set; }
    public string? WebsiteUrl { get; set; }
    public string? PrivacyUrl { get; set; }
    public string? TermsOfUseUrl { get; set; }
}

public sealed class TeamsCommand
{
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
}

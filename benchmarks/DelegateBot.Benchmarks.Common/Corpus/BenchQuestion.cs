namespace DelegateBot.Benchmarks.Corpus;

/// <summary>A question of a benchmark's mix; <see cref="Kind"/> says what it exercises (when, who-chairs, miss...).</summary>
public sealed record BenchQuestion(string Text, string Kind);

/// <summary>The question mixes: dev-style questions about the seed documents, topical questions, and misses.</summary>
public static class QuestionMix
{
    /// <summary>Questions the documents cannot answer: the abstention path (retrieval, scoring, suggestions).</summary>
    public static readonly BenchQuestion[] Misses =
    [
        new("What is the wifi password in the conference building?", "miss"),
        new("Which restaurant near the venue serves vegetarian food?", "miss"),
        new("Who won the 1998 football world cup?", "miss"),
        new("How much does a taxi from the airport cost?", "miss"),
        new("Can I bring my dog to the plenary?", "miss"),
        new("What is the capital of Mongolia?", "miss"),
    ];

    /// <summary>Broad questions on the subject matter of the shared corpus and the seeds (sentence answers).</summary>
    public static readonly BenchQuestion[] Topical =
    [
        new("How do remittances reduce poverty?", "topic"),
        new("What should States do to prevent the smuggling of migrants by sea?", "topic"),
        new("What are the purposes and functions of the Organization?", "topic"),
        new("How can migration data be improved?", "topic"),
        new("What is the role of diasporas in development?", "topic"),
        new("How can the recognition of skills and qualifications be facilitated?", "topic"),
    ];

    /// <summary>
    /// Delegates' questions about the seed documents in knowledge/, in the style of the evaluation set (when, where,
    /// who chairs, deadlines, how many), written for the benchmark, plus topical questions and misses.
    /// </summary>
    public static IReadOnlyList<BenchQuestion> Seeds { get; } =
    [
        new("When does the GFMD meeting in Manila take place?", "when"),
        new("Who is the chair of panel two?", "who-chairs"),
        new("Who chairs the first panel?", "who-chairs"),
        new("What is the deadline to register for the seminar on Building Partnerships?", "deadline"),
        new("Where do I send the nomination form?", "where"),
        new("When is the informal thematic debate on migration and development?", "when"),
        new("Which room is the Building Partnerships seminar in?", "room"),
        new("Where did the Global Forum meet for the first time?", "where"),
        new("How many Member States took part in the High-level Dialogue?", "how-many"),
        new("Who organized the civil society days in Manila?", "who"),
        new("How much were remittances to developing countries in 2009?", "how-much"),
        new("Who are the panelists of the morning panel?", "list"),
        new("At what time does the afternoon panel begin?", "time"),
        new("When was the Brussels conference held?", "when"),
        new("How many people attended the conference in Brussels?", "how-many"),
        new("Who finances the Migration and Development Series?", "who"),
        new("When is the Fifth Coordination Meeting on International Migration?", "when"),
        new("How many regional consultative processes exist?", "how-many"),
        new("What does IMDI stand for?", "definition"),
        new("Who signed the letter with the conclusions of the Brussels conference?", "who"),
        new("In which language is the seminar conducted?", "language"),
        new("What are the key questions of the afternoon session?", "list"),
        new("Who is the President of the General Assembly?", "who"),
        new("When is the experts symposium of the Global Migration Group?", "when"),
        .. Topical,
        .. Misses,
    ];
}

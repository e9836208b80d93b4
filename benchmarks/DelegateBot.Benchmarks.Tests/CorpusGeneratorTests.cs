using DelegateBot.Benchmarks.Corpus;
using DelegateBot.Core.Knowledge;
using DelegateBot.Core.Knowledge.Index;
using DelegateBot.Core.Knowledge.Ingestion;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DelegateBot.Benchmarks.Tests;

/// <summary>The synthetic corpus: same seed, same bytes; realistic enough for the real index to cut it as planned.</summary>
public sealed class CorpusGeneratorTests : IDisposable
{
    // The repository's seed documents are always there; the shared corpus is added when present.
    private static readonly SourceText Source = SourceText.Load([RepoPaths.Knowledge, RepoPaths.SharedCorpus]);
    private readonly string _cache = Directory.CreateTempSubdirectory("corpus-tests-").FullName;

    [Fact]
    public void The_same_seed_gives_the_same_documents_and_questions()
    {
        var (docsA, questionsA) = Generate(new CorpusSpec(600, Seed: 7));
        var (docsB, questionsB) = Generate(new CorpusSpec(600, Seed: 7));
        Assert.Equal(docsA, docsB);
        Assert.Equal(questionsA, questionsB);
        var (docsC, _) = Generate(new CorpusSpec(600, Seed: 8));
        Assert.NotEqual(docsA.Select(d => d.Text), docsC.Select(d => d.Text));
    }

    [Fact]
    public void Documents_are_varied_and_the_mix_has_fact_questions_topics_and_misses()
    {
        var (docs, questions) = Generate(new CorpusSpec(2000));
        Assert.Equal(docs.Count, docs.Select(d => d.Name).Distinct().Count());
        // Recombined text, not copies: documents differ, and the planted facts vary.
        Assert.True(docs.Select(d => d.Text).Distinct().Count() == docs.Count);
        Assert.Contains(docs, d => d.Text.Contains("Registration deadline:") && d.Text.Contains("Chair:"));
        Assert.Contains(docs, d => d.Text.Contains("\n1. ") && d.Text.Contains("Report of the Secretary-General"));
        Assert.True(questions.Select(q => q.Kind).Distinct().Count() >= 7, string.Join(", ", questions.Select(q => q.Kind).Distinct()));
        Assert.Contains(questions, q => q.Kind == "miss");
        Assert.Contains(questions, q => q.Kind == "who-chairs");
    }

    [Fact]
    public void The_real_index_cuts_a_generated_folder_into_about_the_planned_passages()
    {
        var corpus = CorpusGenerator.Ensure(new CorpusSpec(1000), _cache, Source);
        Assert.Equal(corpus.Documents, Directory.EnumerateFiles(corpus.Folder, "*.txt", SearchOption.AllDirectories).Count());
        using var index = new KnowledgeIndex(Options.Create(new KnowledgeOptions { Path = corpus.Folder, Watch = false }),
            [new PlainTextReader()], NullLogger<KnowledgeIndex>.Instance);
        Assert.Empty(index.Problems);
        var passages = index.AllPassages.Count;
        Assert.InRange(passages, 850, 1150);
        // A second Ensure finds the cached folder instead of writing it again.
        var again = CorpusGenerator.Ensure(new CorpusSpec(1000), _cache, Source);
        Assert.Equal(corpus with { Questions = [] }, again with { Questions = [] });
        Assert.Equal(corpus.Questions, again.Questions);
    }

    private static (List<(string Name, string Text, int Paragraphs)> Docs, List<BenchQuestion> Questions) Generate(CorpusSpec spec)
    {
        var questions = new List<BenchQuestion>();
        var docs = CorpusGenerator.Documents(Source, spec, questions).ToList();
        return (docs, questions);
    }

    public void Dispose() => Directory.Delete(_cache, true);
}

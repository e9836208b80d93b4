namespace DelegateBot.Cli;

/// <summary>
/// A command-line verb of the DelegateBot executable (ask, chat, agenda, ...). Verbs run without the web server;
/// stdout carries only their output, logs go to stderr.
/// </summary>
public interface ICliCommand
{
    /// <summary>The verb as typed: "ask".</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Usage { get; }

    Task<int> RunAsync(CliContext context, CancellationToken cancellationToken);
}

/// <summary>A verb's arguments (after the verb) and standard streams, injectable so tests run verbs in-process.</summary>
public sealed record CliContext(IReadOnlyList<string> Args, TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>Whether a person is typing (prompts are shown only then).</summary>
    public bool Interactive { get; init; }
}

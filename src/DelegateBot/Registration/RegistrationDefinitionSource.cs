using DelegateBot.Core.Registrations;
using DelegateBot.Core.Registrations.Definition;
using Microsoft.Extensions.Options;

namespace DelegateBot.Registration;

/// <summary>
/// The registration definition of this run, read once from Registration:DefinitionPath (dialogs/registration.yaml
/// under the content root). An invalid file does not stop the bot: registration says it is unavailable, every
/// problem is logged with file, line and step, and "registrations check" prints them.
/// </summary>
public sealed class RegistrationDefinitionSource
{
    private readonly Lazy<(RegistrationDefinition? Definition, IReadOnlyList<DefinitionError> Errors)> _loaded;

    public RegistrationDefinitionSource(IOptions<RegistrationOptions> options, IHostEnvironment? environment = null, ILogger<RegistrationDefinitionSource>? logger = null)
    {
        var path = System.IO.Path.IsPathRooted(options.Value.DefinitionPath)
            ? options.Value.DefinitionPath
            : System.IO.Path.Combine(environment?.ContentRootPath ?? Directory.GetCurrentDirectory(), options.Value.DefinitionPath);
        Path = System.IO.Path.GetFullPath(path);
        _loaded = new(() =>
        {
            try
            {
                var definition = RegistrationDefinitionLoader.LoadFile(Path);
                logger?.LogInformation("Registration flow loaded from {Path}: {Steps} steps, definition {Hash}", Path, definition.Steps.Count, definition.Hash);
                return (definition, []);
            }
            catch (RegistrationDefinitionException ex)
            {
                foreach (var error in ex.Errors) logger?.LogError("Registration definition problem: {Problem}", error.ToString());
                return (null, ex.Errors);
            }
        });
    }

    public string Path { get; }

    /// <summary>The definition, or null when the file has problems (see <see cref="Errors"/>).</summary>
    public RegistrationDefinition? Definition => _loaded.Value.Definition;

    public IReadOnlyList<DefinitionError> Errors => _loaded.Value.Errors;
}

using Microsoft.Extensions.Configuration;

namespace AutomationScanner.Cli;

/// <summary>
/// The CLI's settings, in the Functions app's shape (<c>Limits:MaxEventsPerCase</c>, <c>Scoring:Value:HourlyCost</c>,
/// <c>AzureOpenAI:Endpoint</c>...), from, later winning: <c>appsettings.json</c> next to the executable (optional),
/// environment variables (<c>Limits__MaxEventsPerCase</c>), and the file given with <c>--settings</c>.
/// </summary>
public static class CliConfiguration
{
    public const string FileName = "appsettings.json";

    /// <summary>Builds the configuration; a missing or malformed <paramref name="settingsFile"/> throws with its path.</summary>
    public static IConfigurationRoot Build(string? settingsFile)
    {
        var builder = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, FileName), optional: true, reloadOnChange: false)
            .AddEnvironmentVariables();
        if (!string.IsNullOrWhiteSpace(settingsFile))
        {
            var path = Path.GetFullPath(settingsFile);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"settings file {path} not found", path);
            }

            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }

        try
        {
            return builder.Build();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"settings: {ex.Message}", ex);
        }
    }
}

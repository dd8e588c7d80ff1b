using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using AutomationScanner.Azure.Storage;
using AutomationScanner.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Cli.Commands;

/// <summary>
/// The <c>--connection</c> option of the storage commands: a storage connection string (UseDevelopmentStorage=true
/// for Azurite), or a blob service URL (https://ACCOUNT.blob.core.windows.net) signed in with DefaultAzureCredential.
/// Without it the ScannerStorage environment variables apply, as in the Functions app.
/// </summary>
internal static class StorageConnection
{
    public static Option<string?> CreateOption() => new("--connection", "-c")
    {
        Description = "Storage connection string or blob service URL (default: the ScannerStorage environment variable)",
    };

    /// <summary>
    /// The clients, or an error message that says what to set: the <c>ScannerStorage</c> settings of
    /// <see cref="CliConfiguration"/> with <paramref name="connection"/> as the section's value, read by the same
    /// <see cref="ScannerStorageConnection"/> as the Functions app and the storage scan.
    /// </summary>
    public static (ScannerStorageClients? Clients, bool UsesKey, string? Error) Resolve(string? connection)
    {
        ScannerStorageOptions options;
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddConfiguration(CliConfiguration.Build(settingsFile: null))
                .AddInMemoryCollection(connection is null ? [] : [new(ScannerStorageOptions.SectionName, connection)])
                .Build();
            options = ScannerStorageConnection.Read(configuration);
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or FormatException)
        {
            return (null, false, ex.Message);
        }

        var problems = new List<ValidationResult>();
        if (!AnnotatedOptions.TryValidate(options, problems))
        {
            return (null, false, string.Join(" ", problems.Select(p => p.ErrorMessage)) + " Or pass --connection.");
        }

        try
        {
            return (new ScannerStorageClients(Options.Create(options)), options.ConnectionString is not null, null);
        }
        catch (FormatException ex)
        {
            return (null, false, $"--connection is not a valid storage connection string: {ex.Message}");
        }
    }
}

using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using AutomationScanner.Azure.Storage;
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

    /// <summary>The clients, or an error message that says what to set.</summary>
    public static (ScannerStorageClients? Clients, bool UsesKey, string? Error) Resolve(string? connection)
    {
        var options = new ScannerStorageOptions();
        connection ??= Environment.GetEnvironmentVariable(ScannerStorageOptions.SectionName);
        if (Uri.TryCreate(connection, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !connection.Contains(';', StringComparison.Ordinal))
        {
            options.BlobServiceUri = uri;
            options.QueueServiceUri = new Uri(uri.ToString().Replace(".blob.", ".queue.", StringComparison.OrdinalIgnoreCase));
        }
        else if (!string.IsNullOrWhiteSpace(connection))
        {
            options.ConnectionString = connection;
        }
        else
        {
            options.BlobServiceUri = Env("blobServiceUri");
            options.QueueServiceUri = Env("queueServiceUri");
            options.Credential = Environment.GetEnvironmentVariable($"{ScannerStorageOptions.SectionName}__credential");
            options.ClientId = Environment.GetEnvironmentVariable($"{ScannerStorageOptions.SectionName}__clientId");
        }

        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
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

    private static Uri? Env(string property) =>
        Uri.TryCreate(Environment.GetEnvironmentVariable($"{ScannerStorageOptions.SectionName}__{property}"), UriKind.Absolute, out var uri) ? uri : null;
}

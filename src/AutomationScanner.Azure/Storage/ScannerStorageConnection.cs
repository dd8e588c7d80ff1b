using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// The one place the <c>ScannerStorage</c> connection is read and turned into clients, for the storage services
/// (<see cref="ScannerStorageClients"/>), the LLM and embedding caches and the CLI's <c>--connection</c>. The section
/// is what Azure Functions uses for its own connections: a connection string as its value
/// (<c>ScannerStorage=UseDevelopmentStorage=true</c>), or identity-based children (<c>ScannerStorage__blobServiceUri</c>,
/// <c>__queueServiceUri</c>, <c>__credential=managedidentity</c>, <c>__clientId</c>). A blob service URL as the value
/// (<c>https://ACCOUNT.blob.core.windows.net</c>, what the CLI's <c>--connection</c> accepts) means identity-based
/// access to that account, its queue service at the matching <c>.queue.</c> address.
/// </summary>
public static class ScannerStorageConnection
{
    /// <summary>The connection configured in <paramref name="configuration"/> (not validated: see <see cref="ScannerStorageOptions"/>).</summary>
    public static ScannerStorageOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ScannerStorageOptions();
        configuration.GetSection(ScannerStorageOptions.SectionName).Bind(options);
        Apply(configuration[ScannerStorageOptions.SectionName], options);
        return options;
    }

    /// <summary>Applies the section's value (a connection string or a blob service URL) to <paramref name="options"/>.</summary>
    public static void Apply(string? value, ScannerStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(value) || options.ConnectionString is not null)
        {
            return;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && !value.Contains(';', StringComparison.Ordinal))
        {
            options.BlobServiceUri ??= uri;
            options.QueueServiceUri ??= new Uri(uri.ToString().Replace(".blob.", ".queue.", StringComparison.OrdinalIgnoreCase));
        }
        else
        {
            options.ConnectionString = value;
        }
    }

    /// <summary>The blob service of the connection, or null when neither a connection string nor a blob service URL is set.</summary>
    public static BlobServiceClient? BlobService(ScannerStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString);
        }

        return options.BlobServiceUri is { } blobs ? new BlobServiceClient(blobs, Credential(options)) : null;
    }

    /// <summary>The identity of an identity-based connection: the managed identity, or DefaultAzureCredential.</summary>
    public static TokenCredential Credential(ScannerStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.Equals(options.Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return new ManagedIdentityCredential(string.IsNullOrEmpty(options.ClientId)
                ? ManagedIdentityId.SystemAssigned
                : ManagedIdentityId.FromUserAssignedClientId(options.ClientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = options.ClientId });
    }
}

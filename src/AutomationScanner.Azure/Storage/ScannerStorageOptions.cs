using System.ComponentModel.DataAnnotations;

namespace AutomationScanner.Azure.Storage;

/// <summary>
/// The <c>ScannerStorage</c> connection, in the shape Azure Functions uses for its own connections: either a
/// connection string as the section's value (<c>ScannerStorage=UseDevelopmentStorage=true</c>), or identity-based
/// (<c>ScannerStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__credential=managedidentity</c>, <c>__clientId</c>).
/// </summary>
public sealed class ScannerStorageOptions : IValidatableObject
{
    public const string SectionName = "ScannerStorage";

    public string? ConnectionString { get; set; }

    public Uri? BlobServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    /// <summary><c>managedidentity</c>, or empty for DefaultAzureCredential (developer sign-in, AZURE_CLIENT_ID...).</summary>
    public string? Credential { get; set; }

    /// <summary>Client id of a user-assigned managed identity.</summary>
    public string? ClientId { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && (BlobServiceUri is null || QueueServiceUri is null))
        {
            yield return new ValidationResult(
                "Storage is not configured: set ScannerStorage to a connection string (UseDevelopmentStorage=true for Azurite) " +
                "or ScannerStorage__blobServiceUri and ScannerStorage__queueServiceUri for an identity-based connection.",
                [nameof(ConnectionString), nameof(BlobServiceUri), nameof(QueueServiceUri)]);
        }

        if (!string.IsNullOrEmpty(Credential) && !string.Equals(Credential, "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"ScannerStorage__credential must be 'managedidentity' or empty, not '{Credential}'.", [nameof(Credential)]);
        }
    }
}

using System.ComponentModel.DataAnnotations;
using AutomationScanner.Azure.Storage;
using Microsoft.Extensions.Options;

namespace AutomationScanner.Functions.Tests.Storage;

public sealed class ScannerStorageOptionsTests
{
    private static List<ValidationResult> Validate(ScannerStorageOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void Validate_NothingConfigured_SaysWhichSettingsToSet()
    {
        var problem = Assert.Single(Validate(new ScannerStorageOptions()));

        Assert.Contains("ScannerStorage__blobServiceUri", problem.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownCredential_IsRejected()
    {
        var sut = new ScannerStorageOptions
        {
            BlobServiceUri = new Uri("https://acct.blob.core.windows.net"),
            QueueServiceUri = new Uri("https://acct.queue.core.windows.net"),
            Credential = "password",
        };

        Assert.Contains(Validate(sut), r => r.MemberNames.Contains(nameof(ScannerStorageOptions.Credential)));
    }

    [Fact]
    public void Constructor_ManagedIdentitySettings_PointsClientsAtTheServiceUris()
    {
        var options = new ScannerStorageOptions
        {
            BlobServiceUri = new Uri("https://acct.blob.core.windows.net"),
            QueueServiceUri = new Uri("https://acct.queue.core.windows.net"),
            Credential = "managedidentity",
            ClientId = "00000000-0000-0000-0000-000000000001",
        };
        Assert.Empty(Validate(options));

        var sut = new ScannerStorageClients(Options.Create(options));

        Assert.Equal(new Uri("https://acct.blob.core.windows.net/exports"), sut.Exports.Uri);
        Assert.Equal(new Uri("https://acct.blob.core.windows.net/reports"), sut.Reports.Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/scan-requests"), sut.ScanRequests.Uri);
        Assert.Equal(new Uri("https://acct.queue.core.windows.net/export-events"), sut.ExportEvents.Uri);
    }
}

using System.Text;
using System.Text.Json;

namespace AutomationScanner.Functions.Tests.Infrastructure;

/// <summary>Event Grid events and App Service Authentication principals as the platform writes them.</summary>
internal static class HostPayloads
{
    /// <summary>An Event Grid schema BlobCreated event for <c>{container}/{blob}</c> on a storage account (as in the docs sample).</summary>
    public static string BlobCreatedEvent(string container, string blobName, string eventType = "Microsoft.Storage.BlobCreated") => $$"""
        {"topic":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/scanner",
         "subject":"/blobServices/default/containers/{{container}}/blobs/{{blobName}}",
         "eventType":"{{eventType}}","eventTime":"2026-11-23T10:41:00.9584103Z","id":"{{Guid.NewGuid()}}",
         "data":{"api":"PutBlob","clientRequestId":"6d79dbfb-0e37-4fc4-981f-442c9ca89e30","requestId":"831e1650-001e-001b-66ab-eeb76e000000",
           "eTag":"\"0x8D4BCC2E4835CD0\"","contentType":"application/octet-stream","contentLength":15891,"blobType":"BlockBlob",
           "url":"https://scanner.blob.core.windows.net/{{container}}/{{blobName}}","sequencer":"00000000000004420000000000028963",
           "storageDiagnostics":{"batchId":"b68529f3-68cd-4744-baa4-3c0498ec19f0"} },
         "dataVersion":"","metadataVersion":"1"}
        """;

    /// <summary>The same event in the CloudEvents 1.0 schema, with only data.url naming the blob (Azurite-style URL).</summary>
    public static string BlobCreatedCloudEvent(string container, string blobName) => $$"""
        {"specversion":"1.0","type":"Microsoft.Storage.BlobCreated","source":"/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/scanner",
         "id":"{{Guid.NewGuid()}}","time":"2026-11-23T10:41:00Z",
         "data":{"api":"PutBlockList","url":"http://127.0.0.1:10000/devstoreaccount1/{{container}}/{{blobName}}","blobType":"BlockBlob"} }
        """;

    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A base64 App Service Authentication principal with the given claims.</summary>
    public static string Principal(params (string Type, string Value)[] claims) => Base64(JsonSerializer.Serialize(new
    {
        auth_typ = "aad",
        claims = claims.Select(c => new { typ = c.Type, val = c.Value }),
        name_typ = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        role_typ = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
    }));
}

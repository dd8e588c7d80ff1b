// One StorageV2 account for the Functions host (AzureWebJobsStorage), the Flex deployment package and
// the product's data (ScannerStorage). Shared keys are off: every caller, the host included, uses
// Microsoft Entra ID and RBAC, so no connection string with a key exists anywhere.
param name string
param location string
param tags object

@description('Blob container that holds the Flex Consumption deployment package.')
param deploymentContainerName string

@description('Days a deleted or overwritten blob (uploads, reports) can still be restored.')
param blobSoftDeleteDays int = 7

@description('Days after which a Durable scan\'s leftover part sidecars (scanner-cache/scan-work/) are deleted. The scan deletes them itself when it ends; this rule is the backstop for a worker that dies mid-scan.')
@minValue(1)
param scanWorkRetentionDays int = 2

// Shared names, fixed so the Functions app, the CLI and this template agree (see PREAMBLE / DESIGN).
var dataContainerNames = [
  'exports' // uploads, {engagement}/...; the Event Grid subscription watches only this container
  'reports' // {engagement}/{scanId}/... and {engagement}/latest.json
  'scanner-cache' // LLM classification cache blobs
]
// The host creates the matching -poison queues itself on first failure.
var queueNames = [
  'export-events' // Event Grid BlobCreated events from `exports`
  'scan-requests' // one message = scan one engagement
]

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }

  resource blobServices 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: blobSoftDeleteDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: blobSoftDeleteDays
      }
    }

    resource dataContainers 'containers' = [
      for containerName in dataContainerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]

    resource deploymentContainer 'containers' = {
      name: deploymentContainerName
      properties: {
        publicAccess: 'None'
      }
    }
  }

  // Backstop for the scan's own clean-up: sidecars a crashed or abandoned orchestration left behind. A scan runs for
  // minutes, so nothing a live scan still needs is this old.
  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'delete-scan-work'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: [
                  'blockBlob'
                ]
                prefixMatch: [
                  'scanner-cache/scan-work/'
                ]
              }
              actions: {
                baseBlob: {
                  delete: {
                    daysAfterModificationGreaterThan: scanWorkRetentionDays
                  }
                }
              }
            }
          }
        ]
      }
    }
  }

  resource queueServices 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [
      for queueName in queueNames: {
        name: queueName
      }
    ]
  }
}

output name string = storage.name
output id string = storage.id
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
// Durable Functions keeps its instance and history tables in the host storage (AzureWebJobsStorage).
output tableEndpoint string = storage.properties.primaryEndpoints.table

// Upload trigger: an Event Grid system topic on the storage account and a BlobCreated subscription,
// filtered to the `exports` container, that writes each event into the `export-events` queue. The
// topic delivers with its own managed identity (Storage Queue Data Message Sender on that one queue),
// so no key or SAS is involved, and writing reports to `reports` can never trigger a scan.
param storageAccountName string
param systemTopicName string
param location string
param tags object

@description('Container whose new blobs start a scan.')
param exportsContainerName string = 'exports'

@description('Queue the ScanOnUpload function listens on.')
param exportEventsQueueName string = 'export-events'

// Storage Queue Data Message Sender: add messages only, nothing else.
var queueMessageSenderRoleId = 'c6a89b2d-59bc-44d0-9896-0f6e12d7b80a'

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName

  resource queueServices 'queueServices' existing = {
    name: 'default'

    resource exportEvents 'queues' existing = {
      name: exportEventsQueueName
    }
  }
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource topicCanSendToQueue 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::queueServices::exportEvents.id, systemTopic.id, queueMessageSenderRoleId)
  scope: storage::queueServices::exportEvents
  properties: {
    principalId: systemTopic.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueMessageSenderRoleId)
  }
}

resource exportsBlobCreated 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'exports-blob-created'
  // Event Grid checks that its identity may write to the queue when the subscription is created.
  dependsOn: [
    topicCanSendToQueue
  ]
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      // Trailing slash: `exports-archive/...` must not match.
      subjectBeginsWith: '/blobServices/default/containers/${exportsContainerName}/'
    }
    deliveryWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      destination: {
        endpointType: 'StorageQueue'
        properties: {
          resourceId: storage.id
          queueName: exportEventsQueueName
          // Seven days, the queue default, written out so the retention is visible here.
          queueMessageTimeToLiveInSeconds: 604800
        }
      }
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output systemTopicName string = systemTopic.name
output eventSubscriptionName string = exportsBlobCreated.name

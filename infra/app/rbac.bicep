// Least-privilege role assignments for the app's user-assigned identity, plus optional data access
// for the developer running azd and for consultants.
param storageAccountName string
param applicationInsightsName string

@description('Azure OpenAI account name; empty when no account is deployed.')
param openAiAccountName string = ''

@description('Key Vault holding the app\'s secrets (the pseudonym key).')
param keyVaultName string

@description('Name of the Function App\'s user-assigned identity.')
param appIdentityName string

@description('Object id of the user running azd (AZURE_PRINCIPAL_ID); empty to skip. Gets upload/download and OpenAI access for local runs of the CLI.')
param developerPrincipalId string = ''

@description('Object ids of consultants (users or groups) who upload exports and read reports straight from storage.')
param consultantPrincipalIds array = []

var roles = {
  // Functions requires Owner (not Contributor) on the host storage blobs for identity-based
  // AzureWebJobsStorage; the same account holds the data containers, so this also covers them.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  // Queue triggers (export-events, scan-requests), the -poison queues the host creates, enqueueing scans,
  // and the Durable Functions task hub's control and work-item queues.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Durable Functions: the task hub's instance and history tables in the host storage.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  // Reads secret values (Key Vault references), nothing else in the vault.
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Inference only: no keys, no deployments management.
  cognitiveServicesOpenAiUser: '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'
  // Lets the identity send telemetry to an Application Insights resource with local auth disabled.
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

func roleDefinition(roleId string) string => subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName

  resource blobServices 'blobServices' existing = {
    name: 'default'

    resource exports 'containers' existing = {
      name: 'exports'
    }

    resource reports 'containers' existing = {
      name: 'reports'
    }
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource openAi 'Microsoft.CognitiveServices/accounts@2025-06-01' existing = if (!empty(openAiAccountName)) {
  name: openAiAccountName
}

resource appBlobOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentity.id, roles.storageBlobDataOwner)
  scope: storage
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: roleDefinition(roles.storageBlobDataOwner)
  }
}

resource appQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentity.id, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: roleDefinition(roles.storageQueueDataContributor)
  }
}

resource appTableContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appIdentity.id, roles.storageTableDataContributor)
  scope: storage
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: roleDefinition(roles.storageTableDataContributor)
  }
}

resource appKeyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, appIdentity.id, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: roleDefinition(roles.keyVaultSecretsUser)
  }
}

resource appOpenAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(openAiAccountName)) {
  name: guid(
    resourceId('Microsoft.CognitiveServices/accounts', openAiAccountName),
    appIdentity.id,
    roles.cognitiveServicesOpenAiUser
  )
  scope: openAi
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: roleDefinition(roles.cognitiveServicesOpenAiUser)
  }
}

resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appIdentity.id, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: roleDefinition(roles.monitoringMetricsPublisher)
  }
}

// The developer gets the same data-plane rights the CLI needs (upload, scan against storage, download).
resource developerBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(storage.id, developerPrincipalId, roles.storageBlobDataContributor)
  scope: storage
  properties: {
    principalId: developerPrincipalId
    roleDefinitionId: roleDefinition(roles.storageBlobDataContributor)
  }
}

resource developerQueueContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId)) {
  name: guid(storage.id, developerPrincipalId, roles.storageQueueDataContributor)
  scope: storage
  properties: {
    principalId: developerPrincipalId
    roleDefinitionId: roleDefinition(roles.storageQueueDataContributor)
  }
}

resource developerOpenAiUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(developerPrincipalId) && !empty(openAiAccountName)) {
  name: guid(
    resourceId('Microsoft.CognitiveServices/accounts', openAiAccountName),
    developerPrincipalId,
    roles.cognitiveServicesOpenAiUser
  )
  scope: openAi
  properties: {
    principalId: developerPrincipalId
    roleDefinitionId: roleDefinition(roles.cognitiveServicesOpenAiUser)
  }
}

// Consultants: write to `exports` (uploads start scans), read `reports`; nothing else in the account.
resource consultantExportsContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in consultantPrincipalIds: {
    name: guid(storage::blobServices::exports.id, principalId, roles.storageBlobDataContributor)
    scope: storage::blobServices::exports
    properties: {
      principalId: principalId
      roleDefinitionId: roleDefinition(roles.storageBlobDataContributor)
    }
  }
]

resource consultantReportsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in consultantPrincipalIds: {
    name: guid(storage::blobServices::reports.id, principalId, roles.storageBlobDataReader)
    scope: storage::blobServices::reports
    properties: {
      principalId: principalId
      roleDefinitionId: roleDefinition(roles.storageBlobDataReader)
    }
  }
]

// Function App: the AutomationScanner .NET isolated worker (ASP.NET Core integration, Durable Functions) on
// Flex Consumption. Flex takes the language stack from functionAppConfig.runtime ('dotnet-isolated' and a .NET
// version the Flex stacks offer; 10.0 is GA there, end of support 2028-11) and rejects the legacy
// FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION settings. The worker's extensions (queues, Durable) ship
// in the package (.azurefunctions/), so host.json names no extension bundle.
param name string
param planName string
param location string
param tags object

@description('functionAppConfig.runtime.version for dotnet-isolated: the .NET the app targets (net10.0).')
@allowed([
  '10.0'
])
param runtimeVersion string = '10.0'

@description('Memory per instance in MB (2048: one chunk-mining activity per core, see host.json durableTask concurrency).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound on scale-out, which also bounds spend and Azure OpenAI concurrency.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

param identityId string
param identityClientId string

param storageBlobEndpoint string
param storageQueueEndpoint string
param storageTableEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string

@description('Key Vault secret URI of the pseudonym key (Scoring__PseudonymKey), read with the user-assigned identity.')
param pseudonymKeySecretUri string

@description('Azure OpenAI endpoint; empty runs the scanner without the LLM assessor.')
param openAiEndpoint string = ''
param openAiDeploymentName string = ''

@description('Require Microsoft Entra ID sign-in (App Service Authentication) in front of the HTTP API.')
param enableAuth bool = false

@description('Application (client) id of the Entra app registration that protects the API.')
param authClientId string = ''

@description('Entra tenant that issues the tokens.')
param authTenantId string = tenant().tenantId

@description('Paths reachable without a token (function keys still apply).')
param authExcludedPaths array = [
  '/api/health'
]

var authOn = enableAuth && !empty(authClientId)

// Identity-based connections: `<prefix>__credential` + `__clientId` + service URIs (no keys).
// AzureWebJobsStorage is the host's own storage: leases, keys, timer locks, and the Durable Functions task hub
// (queues for work items, tables for instances and history, blobs for leases and large payloads).
var hostStorageSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
}
// ScannerStorage: the connection the queue triggers ([QueueTrigger(Connection = "ScannerStorage")]) and the
// worker's Azure.Storage clients use.
var scannerStorageSettings = {
  ScannerStorage__credential: 'managedidentity'
  ScannerStorage__clientId: identityClientId
  ScannerStorage__blobServiceUri: storageBlobEndpoint
  ScannerStorage__queueServiceUri: storageQueueEndpoint
}
var commonSettings = {
  // DefaultAzureCredential in the worker (Azure OpenAI, storage SDK) picks the user-assigned identity.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  // Generated per deployment and kept in Key Vault; never the public default of the code.
  Scoring__PseudonymKey: '@Microsoft.KeyVault(SecretUri=${pseudonymKeySecretUri})'
  // With sign-in on, a request without a client principal is refused rather than trusted with all engagements.
  EngagementAccess__RequirePrincipal: authOn ? 'true' : 'false'
}
var openAiSettings = empty(openAiEndpoint)
  ? {}
  : {
      AzureOpenAI__Endpoint: openAiEndpoint
      AzureOpenAI__Deployment: openAiDeploymentName
    }
var appSettings = union(hostStorageSettings, scannerStorageSettings, commonSettings, openAiSettings)

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource functionApp 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  // azd deploys the `functions` service of azure.yaml to the resource carrying this tag.
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references (Scoring__PseudonymKey) resolve with the user-assigned identity.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      appSettings: [
        for setting in items(appSettings): {
          name: setting.key
          value: setting.value
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: 'dotnet-isolated'
        version: runtimeVersion
      }
    }
  }

  // Flex refuses siteConfig.ftpsState; basic (user/password) publishing is switched off here instead, for FTP
  // and for the SCM site alike. azd deploys with Microsoft Entra ID.
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

// Optional Easy Auth (v2) for the consultant-facing HTTP API: callers need an Entra token for the
// app registration *and* a function key (authorization level Function). The worker sees the caller in
// X-MS-CLIENT-PRINCIPAL. Queue, timer and Durable triggers are unaffected.
resource auth 'Microsoft.Web/sites/config@2024-11-01' = if (authOn) {
  parent: functionApp
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: authExcludedPaths
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            'api://${authClientId}'
            authClientId
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

output name string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output planName string = plan.name

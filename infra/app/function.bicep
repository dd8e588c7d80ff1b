// Function App that hosts the AutomationScanner custom handler.
//
// Runtime setting, Flex Consumption (default): functionAppConfig.runtime = { name: 'custom', version: '1.0' }.
// Flex takes the language stack from functionAppConfig.runtime and rejects the legacy
// FUNCTIONS_WORKER_RUNTIME app setting; 'custom' is the Flex stack for custom handlers (the
// Functions host starts no language worker and instead runs the executable named in host.json
// customHandler.description, our ASP.NET Core handler, on FUNCTIONS_CUSTOMHANDLER_PORT). The handler is
// published self-contained for linux-x64, so it does not depend on which .NET the stack image carries.
// If a region does not offer 'custom' yet, deploy with functionRuntimeName 'dotnet-isolated' and
// version '10.0' (the host.json customHandler section still decides what runs); see docs/deploy.md.
//
// Elastic Premium (hostingPlan = 'ElasticPremium', fallback): no functionAppConfig; the classic
// FUNCTIONS_WORKER_RUNTIME=custom and FUNCTIONS_EXTENSION_VERSION=~4 app settings select the host.
param name string
param planName string
param location string
param tags object

@allowed([
  'FlexConsumption'
  'ElasticPremium'
])
param hostingPlan string

@description('Flex only: functionAppConfig.runtime.name.')
@allowed([
  'custom'
  'dotnet-isolated'
])
param runtimeName string = 'custom'

@description('Flex only: functionAppConfig.runtime.version (custom: 1.0; dotnet-isolated: 10.0).')
param runtimeVersion string = '1.0'

@description('Flex only: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Flex only: upper bound on scale-out, which also bounds spend and Azure OpenAI concurrency.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Elastic Premium only: most instances the plan may burst to.')
@minValue(1)
@maxValue(100)
param maximumElasticWorkerCount int = 5

@description('Elastic Premium only: URL of the zip package in the deployment container (run from package, read with the identity). Empty until the first upload.')
param premiumPackageUrl string = ''

param identityId string
param identityClientId string

param storageBlobEndpoint string
param storageQueueEndpoint string
param deploymentContainerName string

param applicationInsightsConnectionString string

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

var isFlex = hostingPlan == 'FlexConsumption'

// Identity-based connections: `<prefix>__credential` + `__clientId` + service URIs (no keys).
// AzureWebJobsStorage is the host's own storage (leases, keys, timer locks). No tableServiceUri:
// without it the host skips table-backed diagnostic events, so the identity needs no table role.
var hostStorageSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
}
// ScannerStorage: the prefix the function.json queue bindings and the handler's Azure.Storage clients use.
var scannerStorageSettings = {
  ScannerStorage__credential: 'managedidentity'
  ScannerStorage__clientId: identityClientId
  ScannerStorage__blobServiceUri: storageBlobEndpoint
  ScannerStorage__queueServiceUri: storageQueueEndpoint
}
var commonSettings = {
  // DefaultAzureCredential in the handler (Azure OpenAI, storage SDK) picks the user-assigned identity.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}
var openAiSettings = empty(openAiEndpoint)
  ? {}
  : {
      AzureOpenAI__Endpoint: openAiEndpoint
      AzureOpenAI__Deployment: openAiDeploymentName
    }
var premiumSettings = union(
  {
    FUNCTIONS_EXTENSION_VERSION: '~4'
    FUNCTIONS_WORKER_RUNTIME: 'custom'
    // Run from a package read with the identity: the account has no shared keys, so the Azure Files
    // content share that Premium uses by default (key-based) is not configured.
    WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: identityId
  },
  empty(premiumPackageUrl) ? {} : { WEBSITE_RUN_FROM_PACKAGE: premiumPackageUrl }
)
var appSettings = union(
  hostStorageSettings,
  scannerStorageSettings,
  commonSettings,
  openAiSettings,
  isFlex ? {} : premiumSettings
)

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex
    ? {
        name: 'FC1'
        tier: 'FlexConsumption'
      }
    : {
        name: 'EP1'
        tier: 'ElasticPremium'
        family: 'EP'
      }
  properties: {
    reserved: true // Linux
    maximumElasticWorkerCount: isFlex ? null : maximumElasticWorkerCount
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
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
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        for setting in items(appSettings): {
          name: setting.key
          value: setting.value
        }
      ]
    }
    functionAppConfig: isFlex
      ? {
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
            name: runtimeName
            version: runtimeVersion
          }
        }
      : null
  }
}

// Optional Easy Auth (v2) for the consultant-facing HTTP API: callers need an Entra token for the
// app registration *and* a function key (authLevel function). The handler sees the caller in
// X-MS-CLIENT-PRINCIPAL. Queue and timer triggers are unaffected.
resource auth 'Microsoft.Web/sites/config@2024-04-01' = if (enableAuth && !empty(authClientId)) {
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

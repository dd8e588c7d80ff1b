// AutomationScanner: everything the product needs in Azure, deployed with `azd up` (azd layout:
// main.bicep at subscription scope, one module per concern under app/). Identity-only: storage has
// shared keys off, Application Insights and Azure OpenAI have local auth off, and the Function App
// reaches all three with one user-assigned managed identity. See docs/deploy.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; seeds resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Region for all resources (must offer Flex Consumption).')
param location string

@description('Resource group name; default rg-<environmentName>.')
param resourceGroupName string = ''

@description('Flex Consumption dotnet-isolated version: the .NET the worker targets (10.0; see app/function.bicep).')
@allowed([
  '10.0'
])
param functionRuntimeVersion string = '10.0'

@description('Flex Consumption: memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Flex Consumption: maximum instances.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Deploy an Azure OpenAI account and model; false runs the scanner with the offline (ML.NET + rules) assessors only.')
param deployOpenAi bool = true

@description('Region of the Azure OpenAI account (model availability differs by region); default: location.')
param openAiLocation string = ''

@description('Chat model name.')
param openAiModelName string = 'gpt-5-mini'

@description('Chat model version (gpt-5-mini 2025-08-07 retires 2027-02-06 per the Azure OpenAI retirement table).')
param openAiModelVersion string = '2025-08-07'

@description('Deployment name the app uses (AzureOpenAI__Deployment); default: the model name.')
param openAiDeploymentName string = ''

@description('Deployment type.')
@allowed([
  'GlobalStandard'
  'DataZoneStandard'
])
param openAiDeploymentSku string = 'GlobalStandard'

@description('Deployment throughput in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 50

@secure()
@description('Pseudonym key for resource names in reports; azd generates it once and keeps it in the Key Vault (main.parameters.json: secretOrRandomPassword).')
param pseudonymKey string

@description('Require Microsoft Entra ID sign-in (App Service Authentication) in front of the HTTP API.')
param enableAuth bool = false

@description('Application (client) id of the Entra app registration for the API; required when enableAuth is true.')
param authClientId string = ''

@description('Object id of the user running azd (azd sets AZURE_PRINCIPAL_ID); gets data access for the CLI. Empty to skip.')
param principalId string = ''

@description('Object ids of consultants (users or groups): Blob Data Contributor on `exports`, Blob Data Reader on `reports`.')
param consultantPrincipalIds array = []

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
var functionAppName = '${abbrs.webSitesFunctions}${resourceToken}'
// Names are computed here (not read from module outputs) so What-If can predict every resource id.
var identityName = '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var applicationInsightsName = '${abbrs.insightsComponents}${resourceToken}'
var keyVaultName = '${abbrs.keyVaultVaults}${take(resourceToken, 21)}'
var openAiAccountName = '${abbrs.cognitiveServicesAccounts}${resourceToken}'
// Flex downloads the app package from this container with the app's identity.
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  scope: rg
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module eventGrid 'app/eventgrid.bicep' = {
  scope: rg
  dependsOn: [
    storage
  ]
  params: {
    storageAccountName: storageAccountName
    systemTopicName: '${abbrs.eventGridSystemTopics}${resourceToken}'
    location: location
    tags: tags
  }
}

module keyVault 'app/keyvault.bicep' = {
  scope: rg
  params: {
    name: keyVaultName
    location: location
    tags: tags
    pseudonymKey: pseudonymKey
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module openAi 'app/openai.bicep' = if (deployOpenAi) {
  scope: rg
  params: {
    name: openAiAccountName
    location: !empty(openAiLocation) ? openAiLocation : location
    tags: tags
    deploymentName: !empty(openAiDeploymentName) ? openAiDeploymentName : openAiModelName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
  }
}

module rbac 'app/rbac.bicep' = {
  scope: rg
  dependsOn: [
    identity
    storage
    monitoring
    openAi
    keyVault
  ]
  params: {
    storageAccountName: storageAccountName
    keyVaultName: keyVaultName
    applicationInsightsName: applicationInsightsName
    openAiAccountName: deployOpenAi ? openAiAccountName : ''
    appIdentityName: identityName
    developerPrincipalId: principalId
    consultantPrincipalIds: consultantPrincipalIds
  }
}

module functionApp 'app/function.bicep' = {
  scope: rg
  // Roles first: the host reads its storage with the identity as soon as the site starts.
  dependsOn: [
    rbac
  ]
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    runtimeVersion: functionRuntimeVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    pseudonymKeySecretUri: keyVault.outputs.pseudonymKeySecretUri
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    openAiEndpoint: deployOpenAi ? openAi!.outputs.endpoint : ''
    openAiDeploymentName: deployOpenAi ? openAi!.outputs.deploymentName : ''
    enableAuth: enableAuth
    authClientId: authClientId
  }
}

// azd stores these in .azure/<env>/.env; the CLI and docs/deploy.md use the same names.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CLIENT_ID string = identity.outputs.clientId
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_EVENTGRID_SYSTEM_TOPIC string = eventGrid.outputs.systemTopicName
output AZURE_OPENAI_ENDPOINT string = deployOpenAi ? openAi!.outputs.endpoint : ''
output AZURE_OPENAI_DEPLOYMENT string = deployOpenAi ? openAi!.outputs.deploymentName : ''
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

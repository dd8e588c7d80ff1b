// Azure OpenAI account + one chat model deployment. Key auth is disabled: the Function App calls it
// with its user-assigned identity (Cognitive Services OpenAI User, see rbac.bicep).
param name string
param location string
param tags object

@description('Deployment name the app sends as AzureOpenAI__Deployment.')
param deploymentName string

@description('Model name, e.g. gpt-5-mini.')
param modelName string

@description('Model version, e.g. 2025-08-07.')
param modelVersion string

@description('Deployment type: GlobalStandard (pay per token, global routing) or DataZoneStandard (EU/US data zone). Regional Standard is not offered for gpt-5-mini.')
@allowed([
  'GlobalStandard'
  'DataZoneStandard'
])
param deploymentSku string = 'GlobalStandard'

@description('Throughput in thousands of tokens per minute (capacity units). Billing is per token either way.')
@minValue(1)
param capacity int = 50

resource account 'Microsoft.CognitiveServices/accounts@2025-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2025-06-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSku
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    // Move to the replacement version when this one retires rather than failing calls.
    versionUpgradeOption: 'OnceCurrentVersionExpired'
  }
}

output id string = account.id
output name string = account.name
output endpoint string = account.properties.endpoint
output deploymentName string = deployment.name

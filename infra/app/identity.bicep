// User-assigned identity shared by the Function App host, the handler's own SDK calls (storage,
// Azure OpenAI) and the Flex deployment download, so one principal carries every role assignment.
param name string
param location string
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId

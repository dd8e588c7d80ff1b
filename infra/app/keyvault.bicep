// Key Vault for the app's secrets: today the per-deployment pseudonym key (Scoring__PseudonymKey) that turns
// resource names into stable, keyed pseudonyms in reports. RBAC only (no access policies); the Function App
// reads the secret through a Key Vault reference resolved with its user-assigned identity.
param name string
param location string
param tags object

@secure()
@description('The pseudonym key: azd generates it on the first provision and reads it back from this vault afterwards (main.parameters.json), so pseudonyms stay stable across deployments.')
param pseudonymKey string

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }

  resource pseudonymKeySecret 'secrets' = {
    name: 'scoring-pseudonym-key'
    properties: {
      value: pseudonymKey
      contentType: 'text/plain'
    }
  }
}

output name string = vault.name
output id string = vault.id
output pseudonymKeySecretUri string = vault::pseudonymKeySecret.properties.secretUri
